package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or broken files are refused with one clear problem at the right place, never an exception. */
public class HostileRecipeInputTest {

    static final String DIR = "recipes/evil";
    static final String SCRIPT = "echo hi > /output_dir/x\n";

    /** The classic "billion laughs": nine levels of nine aliases, 10^9 strings if expanded. */
    static String yamlBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(p);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    public static Stream<Arguments> hostileFiles() {
        String valid = RecipeParserRulesTest.SHELL;
        return Stream.of(
                text("a YAML alias bomb is refused at its first alias", yamlBomb(),
                        "meta.yml", 2, "YAML aliases ('*a') are not allowed"),
                text("a merge key through an alias is refused", "base: &b {x: 1}\nname: x\n<<: *b\n",
                        "meta.yml", 3, "YAML aliases ('*b') are not allowed"),
                text("a deeply nested document is refused", "name: " + "[".repeat(100_000) + "\n",
                        "meta.yml", 1, "nested deeper than 64 levels"),
                text("duplicate keys are refused at the second one", valid + "name: Other\n",
                        "meta.yml", 8, "duplicate key 'name' (first given at line 1)"),
                text("a list instead of a mapping is refused", "- name: x\n- workflow: y\n",
                        "meta.yml", 1, "meta.yml must be a mapping with the keys name, workflow and input"),
                text("a scalar document is refused", "just some text\n",
                        "meta.yml", 1, "meta.yml must be a mapping"),
                text("an empty meta.yml is refused", "", "meta.yml", 0, "the file is empty"),
                text("two YAML documents are refused", valid + "---\nname: second\n",
                        "meta.yml", 9, "more than one YAML document"),
                text("a YAML tag is refused", "name: !!python/object/apply:os.system ['rm -rf /']\n",
                        "meta.yml", 1, "YAML tags ('!!python/object/apply:os.system') are not allowed"),
                text("a custom local tag is refused", "name: !evil x\n",
                        "meta.yml", 1, "YAML tags ('!evil') are not allowed"),
                text("broken YAML syntax is located", "name: x\nworkflow: [a, b\ninput: 1\n",
                        "meta.yml", 3, "invalid YAML"),
                bytes("bytes that are not UTF-8 are refused with their position",
                        concat("name: Caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}),
                        "meta.yml", 1, "not valid UTF-8 (byte 0xE9)"),
                bytes("a NUL byte is refused with its position",
                        concat(("name: x\nworkflow:\n  type: sh").getBytes(StandardCharsets.UTF_8), new byte[] {0, '\n'}),
                        "meta.yml", 3, "contains a NUL byte"),
                bytes("a meta.yml over 1 MiB is refused naming the limit", new byte[1024 * 1024 + 1],
                        "meta.yml", 0, "the limit for meta.yml is 1 MiB (1048576 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileMetaFilesAreRefusedClearly(String description, byte[] meta, String file, int line, String message) {
        RecipeFiles files = new InMemoryRecipeFiles().withBytes("meta.yml", meta).with("recipe.sh", SCRIPT);

        RecipeParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> RecipeParser.parse(DIR, files), "a hostile file must not hang the parser");

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).as("problems").anySatisfy(p -> {
            assertThat(p.message()).contains(message);
            assertThat(p.location().file()).isEqualTo(DIR + "/" + file);
            assertThat(p.location().line()).isEqualTo(line);
        });
    }

    @Test
    void aYamlBombIsRefusedBeforeAnyAliasIsExpanded() {
        // The refusal points at the first alias (line 2): nothing after it was read, let alone expanded.
        RecipeParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> RecipeParser.parse(DIR, InMemoryRecipeFiles.of(Map.of("meta.yml", yamlBomb()))));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().toString()).isEqualTo(DIR + "/meta.yml:2:8");
            assertThat(p.message()).startsWith("YAML aliases");
        });
    }

    static Stream<Arguments> hostileSidecars() {
        return Stream.of(
                Arguments.of("a recipe.sh over 1 MiB is refused", "recipe.sh", new FileRead.TooLarge(2_000_000),
                        "recipe.sh", "the file is 2000000 bytes; the limit for recipe.sh is 1 MiB (1048576 bytes)"),
                Arguments.of("a recipe.sh linking out of the recipe is refused", "recipe.sh",
                        new FileRead.OutsideRecipe("/etc/passwd"), "recipe.sh",
                        "symbolic link to '/etc/passwd', outside the recipe directory"),
                Arguments.of("a recipe.sh that is a directory is refused", "recipe.sh", new FileRead.NotAFile(),
                        "recipe.sh", "not a regular file"),
                Arguments.of("a meta.yml linking out of the recipe is refused", "meta.yml",
                        new FileRead.OutsideRecipe("../../etc/shadow"), "meta.yml", "outside the recipe directory"),
                Arguments.of("an unreadable file is reported with the reason", "recipe.sh",
                        new FileRead.Unreadable("AccessDeniedException: recipe.sh"), "recipe.sh",
                        "cannot read the file: AccessDeniedException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSidecars")
    void filesThatCannotBeReadSafelyAreRefused(String description, String path, FileRead read, String file,
            String message) {
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of("meta.yml", RecipeParserRulesTest.SHELL,
                "recipe.sh", SCRIPT)).failing(path, read);

        RecipeParseResult result = RecipeParser.parse(DIR, files);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(DIR + "/" + file);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void aConfigJsonOver16MiBIsRefusedNamingTheLimit() {
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of("meta.yml", RecipeParserRulesTest.viz("config.json")))
                .failing("config.json", new FileRead.TooLarge(17L * 1024 * 1024));

        assertThat(RecipeParser.parse(DIR, files).problems()).singleElement()
                .extracting(RecipeProblem::message).asString()
                .contains("the limit for config.json is 16 MiB (16777216 bytes)");
    }

    @Test
    void aDeeplyNestedConfigJsonIsRefused() {
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of("meta.yml", RecipeParserRulesTest.viz("config.json"),
                "config.json", "{\"a\":" + "[".repeat(50_000)));

        assertThat(RecipeParser.parse(DIR, files).problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(DIR + "/config.json");
            assertThat(p.message()).contains("nested deeper than 64 levels");
        });
    }

    @Test
    void duplicateKeysInConfigJsonAreRefused() {
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of("meta.yml", RecipeParserRulesTest.viz("config.json"),
                "config.json", "{\n\"z_range\": [0, 3],\n\"z_range\": [0, 9]\n}"));

        assertThat(RecipeParser.parse(DIR, files).problems()).singleElement().satisfies(p -> {
            assertThat(p.location().toString()).startsWith(DIR + "/config.json:3:");
            assertThat(p.message()).contains("duplicate key 'z_range' (first given at line 2)");
        });
    }

    private static Arguments text(String description, String meta, String file, int line, String message) {
        return bytes(description, meta.getBytes(StandardCharsets.UTF_8), file, line, message);
    }

    private static Arguments bytes(String description, byte[] meta, String file, int line, String message) {
        return Arguments.of(description, meta, file, line, message);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
