package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipeIdTest {

    @ParameterizedTest(name = "''{0}'' gives id ''{1}'' (Python runner: ''{2}'')")
    @CsvSource(delimiter = '|', value = {
        // names without '.' or edge dashes keep exactly the id the spec computes
        "Water measurements from seal tag data | water-measurements-from-seal-tag-data | water-measurements-from-seal-tag-data",
        "Test ogdc workflow                     | test-ogdc-workflow                     | test-ogdc-workflow",
        "ADC Visualization workflow             | adc-visualization-workflow             | adc-visualization-workflow",
        "Test Recipe                            | test-recipe                            | test-recipe",
        "'a  b'                                 | a--b                                   | a--b",
        "Sea-Ice 2023                           | sea-ice-2023                           | sea-ice-2023",
        // ids Argo would reject are made valid
        "ArcticDEM v4.1 contours                | arcticdem-v4-1-contours                | arcticdem-v4.1-contours",
        "'.hidden'                              | hidden                                 | .hidden",
        "'-leading dash'                        | leading-dash                           | -leading-dash",
        "'trailing space '                      | trailing-space                         | trailing-space-",
    })
    void theIdIsThePythonIdMadeValid(String name, String id, String pythonId) {
        assertThat(RecipeId.pythonRunnerId(name)).isEqualTo(pythonId);
        assertThat(RecipeId.fromName(name)).hasValue(new RecipeId(id));
    }

    @ParameterizedTest(name = "''{0}'' gives no id")
    @CsvSource({"'...'", "'- -'", "'.'"})
    void namesWithoutLettersOrDigitsGiveNoId(String name) {
        assertThat(RecipeId.fromName(name)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anIdIsAtMost63Characters() {
        assertThat(RecipeId.fromName("a".repeat(63))).isPresent();
        assertThat(RecipeId.fromName("a".repeat(64))).isEmpty();
        assertThatThrownBy(() -> new RecipeId("Has.Dot")).isInstanceOf(IllegalArgumentException.class);
    }
}
