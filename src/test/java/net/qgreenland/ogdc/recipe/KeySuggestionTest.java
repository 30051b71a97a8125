package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySuggestionTest {

    static final Set<String> KEYS = Set.of("enabled", "partition_strategy", "partition_size", "max_parallelism",
            "parallel", "sh_file", "type", "claim_name", "name");

    @ParameterizedTest(name = "''{0}'' suggests ''{1}''")
    @CsvSource({
        "pararell, parallel",
        "paralel, parallel",
        "shfile, sh_file",
        "sh-file, sh_file",
        "claimName, claim_name",
        "nmae, name",
        "partition_sise, partition_size",
        "enabeld, enabled",
        "Type, type",
    })
    void likelyTyposGetTheNearestKey(String typo, String expected) {
        assertThat(KeySuggestion.nearest(typo, KEYS)).hasValue(expected);
    }

    @ParameterizedTest(name = "''{0}'' suggests nothing")
    @CsvSource({"colour", "x", "image", "dataset_identifier"})
    void unrelatedKeysGetNoSuggestion(String key) {
        assertThat(KeySuggestion.nearest(key, KEYS)).isEmpty();
    }
}
