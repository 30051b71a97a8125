package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the settings accept, normalise and refuse. */
class ArgoServerSettingsTest {

    static ArgoServerSettings of(String server, String namespace, String token) {
        return ArgoServerSettings.defaults(URI.create(server), namespace, Optional.ofNullable(token));
    }

    @ParameterizedTest(name = "token \"{0}\" is sent as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "abc.def.ghi|abc.def.ghi", "Bearer abc.def.ghi|abc.def.ghi", "bearer   abc.def.ghi |abc.def.ghi",
        "  abc.def.ghi\t|abc.def.ghi"})
    void aBearerPrefixAndSurroundingSpaceAreRemoved(String given, String sent) {
        assertThat(of("https://argo:2746", "qgnet", given).token()).contains(sent);
    }

    @ParameterizedTest(name = "token \"{0}\" counts as none")
    @ValueSource(strings = {"", "   ", "Bearer ", "Bearer    "})
    void aBlankTokenIsNone(String given) {
        assertThat(of("https://argo:2746", "qgnet", given).token()).isEmpty();
    }

    @Test
    void aTokenWithALineBreakIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> of("https://argo:2746", "qgnet", "abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("abc").doesNotContain("Evil");
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
        "https://argo.example:2746, https://argo.example:2746",
        "https://argo.example:2746/, https://argo.example:2746",
        "HTTPS://argo.example/argo//, https://argo.example/argo",
        "http://localhost:2746/argo, http://localhost:2746/argo"})
    void theServerUrlLosesTrailingSlashes(String given, String normalised) {
        assertThat(of(given, "qgnet", null).server()).hasToString(normalised);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"argo:2746", "ftp://argo:2746", "https:///api", "https://argo:2746/?x=1",
        "https://argo:2746/#top"})
    void serverUrlsThatCannotBeAnArgoServerAreRefused(String server) {
        assertThatThrownBy(() -> of(server, "qgnet", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Argo Server URL");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> of("https://admin:hunter2@argo:2746", "qgnet", null))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "namespace \"{0}\" is refused")
    @ValueSource(strings = {"", "QGNET", "qg_net", "-qgnet", "qgnet-", "a/b",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void namespacesKubernetesWouldRefuseAreRefused(String namespace) {
        assertThatThrownBy(() -> of("https://argo:2746", namespace, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    }

    @Test
    void toStringMasksTheToken() {
        ArgoServerSettings settings = of("https://argo:2746", "qgnet", "abc.def.ghi");

        assertThat(settings.toString()).contains("token=***", "server=https://argo:2746").doesNotContain("abc");
        assertThat(of("https://argo:2746", "qgnet", null).toString()).contains("token=none");
    }

    @Test
    void defaultsAreThoseDocumented() {
        ArgoServerSettings settings = of("https://argo:2746", "qgnet", null);

        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retry()).isEqualTo(TransientRetry.DEFAULT);
        assertThat(settings.caBundle()).isEmpty();
        assertThat(settings.insecureSkipTlsVerify()).isFalse();
    }

    @ParameterizedTest(name = "a {0} of {1} is refused")
    @CsvSource({"requestTimeout, PT0S", "pollInterval, PT-1S", "reconnectDelay, PT0S"})
    void durationsMustBePositive(String which, String value) {
        Duration bad = Duration.parse(value);
        Duration ok = Duration.ofSeconds(1);
        ArgoServerSettings base = of("https://argo:2746", "qgnet", null);
        assertThatThrownBy(() -> base.withTiming(which.equals("requestTimeout") ? bad : ok, TransientRetry.DEFAULT,
                which.equals("pollInterval") ? bad : ok, which.equals("reconnectDelay") ? bad : ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(which);
    }

    @ParameterizedTest(name = "a backoff from {0} grows to {1}")
    @CsvSource({"PT0.01S, PT0.3S", "PT1S, PT30S", "PT2S, PT30S", "PT45S, PT45S"})
    void backoffCeilings(String first, String ceiling) {
        assertThat(ArgoServerSettings.backoffCeiling(Duration.parse(first))).isEqualTo(Duration.parse(ceiling));
    }
}
