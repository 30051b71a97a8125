package net.qgreenland.ogdc.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How estimates write their figures: pod-hours, durations, bytes, the defaults. */
class EstimateRendererTest {

    @ParameterizedTest(name = "{0} pod-hours are written {1}")
    @CsvSource({"0, 0.00", "0.054, 0.05", "0.999, 1.00", "1.44, 1.4", "9.96, 10.0", "12.4, 12", "1234.4, 1234"})
    void podHoursKeepAboutTwoSignificantDigits(double hours, String written) {
        assertThat(EstimateRenderer.podHours(hours)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} s is written {1}")
    @CsvSource({"0, 0 s", "45, 45 s", "60, 1 min", "89, 1 min", "90, 2 min", "3540, 59 min", "3600, 1 h",
        "7500, 2 h 5 min", "86400, 1 d", "97200, 1 d 3 h"})
    void durationsAreRoundedToTheirLargestUnits(long seconds, String written) {
        assertThat(EstimateRenderer.duration(Duration.ofSeconds(seconds))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} bytes are written {1}")
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1 KiB", "1536, 1.5 KiB", "20971520, 20 MiB",
        "1288490189, 1.2 GiB", "1099511627776, 1 TiB"})
    void bytesAreWrittenInBinaryUnits(long bytes, String written) {
        assertThat(EstimateRenderer.bytes(bytes)).isEqualTo(written);
    }

    @Test
    void theDefaultsAreNamedAsTheReadmeDocumentsThem() {
        assertThat(EstimateRenderer.defaults(EstimateDefaults.STANDARD))
                .isEqualTo("1 min to fetch plus 20 MiB/s, 1 min of housekeeping, 10 min of work");
    }
}
