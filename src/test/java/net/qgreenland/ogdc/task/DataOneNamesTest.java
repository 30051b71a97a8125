package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DataONE names: case-insensitive file-name patterns, and pids percent-encoded into object URLs. */
class DataOneNamesTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
        "*.nc        | sst_2020.nc    | true",
        "*.nc        | sst_2020.NC    | true",
        "*.NC        | sst_2020.nc    | true",
        "*.nc        | sst_2020.nc4   | false",
        "sst_????.nc | sst_2020.nc    | true",
        "sst_????.nc | sst_20201.nc   | false",
        "sst_202?.nc | SST_2021.NC    | true",
        "exact.csv   | exact.csv      | true",
        "exact.csv   | exactXcsv      | false",
        "[ab]*.txt   | b1.txt         | true",
        "[!ab]*.txt  | b1.txt         | false",
        "a+b(1).txt  | a+b(1).txt     | true",
        "*           | dir/name.nc    | true",
        "[unclosed   | [unclosed      | true",
    })
    void dataOnePatternsAreCaseInsensitiveFnmatch(String pattern, String name, boolean matches) {
        assertThat(FilenamePattern.of(pattern).matches(name)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} is encoded as {1}")
    @CsvSource(delimiter = '|', value = {
        "urn:uuid:test-123          | urn%3Auuid%3Atest-123",
        "doi:10.18739/A2CJ87M8D     | doi%3A10.18739%2FA2CJ87M8D",
        "a b+c~d_e.f                | a%20b%2Bc~d_e.f",
        "naïve                      | na%C3%AFve",
    })
    void pidsAreEncodedWithNoSafeCharacters(String pid, String encoded) {
        assertThat(PercentEncoding.encode(pid)).isEqualTo(encoded);
        assertThat(PercentEncoding.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(pid);
    }
}
