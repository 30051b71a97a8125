package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The {@code --inputs} JSON: each kind of element, and a message naming the element for each mistake. */
class InputSpecParserTest {

    @Test
    void everyKindOfInputIsReadInOrder() {
        List<InputSpec> inputs = InputSpecParser.parse("""
                [{"type": "url", "url": "https://example.org/a.nc"},
                 {"type": "dataone", "dataset": "resource_map_doi:10.18739/A2X", "filename": "*.nc"},
                 {"type": "dataone", "dataset": "resource_map_urn:uuid:1"},
                 {"type": "pvc", "path": "/mnt/data/dem/tiles/", "glob": "*.tif"},
                 {"type": "pvc", "path": "/mnt/data/dem"}]""");

        assertThat(inputs).containsExactly(
                new InputSpec.Url("https://example.org/a.nc"),
                new InputSpec.DataOne("resource_map_doi:10.18739/A2X", Optional.of("*.nc")),
                new InputSpec.DataOne("resource_map_urn:uuid:1", Optional.empty()),
                new InputSpec.Pvc(Path.of("/mnt/data/dem/tiles"), "*.tif"),
                new InputSpec.Pvc(Path.of("/mnt/data/dem"), "*"));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[{\"type\":\"url\"                                 | --inputs is not valid JSON: Unexpected end-of-input",
        "{\"type\":\"url\"}                                 | --inputs must be a JSON array of input objects",
        "[\"https://example.org\"]                           | --inputs[0]: must be an object with a 'type', got string",
        "[{\"url\":\"https://example.org\"}]                 | --inputs[0]: missing 'type' (one of url, dataone, pvc)",
        "[{\"type\":\"url\",\"url\":\"u\"},{\"type\":\"ftp\"}] | --inputs[1]: unknown input type 'ftp' (expected url, dataone or pvc)",
        "[{\"type\":\"url\"}]                                | --inputs[0]: missing 'url'",
        "[{\"type\":\"url\",\"url\":7}]                      | --inputs[0]: 'url' must be a string",
        "[{\"type\":\"dataone\",\"filename\":\"*\"}]          | --inputs[0]: missing 'dataset'",
        "[{\"type\":\"pvc\",\"glob\":\"*\"}]                  | --inputs[0]: missing 'path'",
        "[{\"type\":\"pvc\",\"path\":\"/a\",\"glo\":\"*\"}]    | --inputs[0]: unknown field 'glo' for a pvc input (expected path, glob)",
    })
    void aBadElementIsNamedByItsIndex(String json, String message) {
        assertThatThrownBy(() -> InputSpecParser.parse(json))
                .isInstanceOf(TaskFailure.class)
                .message().startsWith(message);
    }

    @Test
    void aCommandRefusesTheTypesItDoesNotTake() {
        List<InputSpec> inputs = InputSpecParser.parse(
                "[{\"type\":\"pvc\",\"path\":\"/a\"},{\"type\":\"url\",\"url\":\"https://x/y\"}]");

        assertThatThrownBy(() -> InputSpecParser.requireTypes(inputs, Set.of("pvc"), " (pvc only)"))
                .hasMessage("--inputs[1]: url inputs are not accepted here (pvc only)");
    }
}
