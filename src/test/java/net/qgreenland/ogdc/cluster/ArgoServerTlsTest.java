package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.NAME;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.WORKFLOWS;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.settings;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the Argo Server: two WireMock servers, one with WireMock's own self-signed certificate (issued to "Tom
 * Akehurst", no host name) and one with a certificate for {@code localhost} made by {@code keytool} for this test.
 */
class ArgoServerTlsTest {

    static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    static WireMockServer localhost;
    static WireMockServer wiremocks;
    static Path localhostPem;
    static Path wiremocksPem;

    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        Path keystore = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "argo", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        localhost = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystoreType("PKCS12").keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
        wiremocks = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort());
        for (WireMockServer server : List.of(localhost, wiremocks)) {
            server.start();
            server.stubFor(get(urlEqualTo(WORKFLOWS + "/" + NAME)).willReturn(okJson(text("running.json"))));
        }

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        localhostPem = Files.writeString(dir.resolve("localhost.pem"), pem(store.getCertificate("argo")));
        wiremocksPem = Files.writeString(dir.resolve("wiremock.pem"), pem(certificateOf(wiremocks)));
    }

    @AfterAll
    static void stopServers() {
        localhost.stop();
        wiremocks.stop();
    }

    /** The certificate {@code server} presents, read through a handshake that trusts anything. */
    static Certificate certificateOf(WireMockServer server) throws Exception {
        SSLContext trustAll = TlsContexts.trustingAnything();
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("localhost",
                server.httpsPort())) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    static String https(WireMockServer server) {
        return "https://localhost:" + server.httpsPort();
    }

    ArgoServerGateway gateway(ArgoServerSettings settings) {
        return ArgoServerGateway.connect(settings, log::add);
    }

    @Test
    void theWireMockCertificateNamesNoHost() throws Exception {
        X509Certificate certificate = (X509Certificate) certificateOf(wiremocks);
        assertThat(certificate.getSubjectAlternativeNames()).isNull();
        assertThat(certificate.getSubjectX500Principal().getName()).doesNotContain("localhost");
    }

    @Test
    void theSystemsAuthoritiesDoNotTrustASelfSignedServer() {
        try (ArgoServerGateway gateway = gateway(settings(https(localhost)))) {
            assertThatThrownBy(() -> gateway.findByName(NAME))
                    .isInstanceOfSatisfying(ClusterException.class,
                            e -> assertThat(e.reason()).isEqualTo(ClusterException.Reason.OTHER))
                    .hasMessageContaining("reading Workflow '" + NAME + "' in namespace 'qgnet' of Argo Server "
                            + https(localhost) + " failed: the TLS handshake failed")
                    .hasMessageContaining("as a CA bundle");
        }
        assertThat(log).isEmpty();
    }

    @Test
    void aCaBundleWithTheServersCertificateIsTrusted() throws Exception {
        // two certificates in one bundle: the one that matters second
        Path bundle = Files.writeString(dir.resolve("two.pem"),
                Files.readString(wiremocksPem) + Files.readString(localhostPem));
        assertThat(TlsContexts.readPem(bundle)).hasSize(2);

        try (ArgoServerGateway gateway = gateway(settings(https(localhost)).withCaBundle(bundle))) {
            assertThat(gateway.findByName(NAME)).hasValueSatisfying(s -> assertThat(s.phase())
                    .isEqualTo(WorkflowPhase.RUNNING));
        }
        assertThat(log).isEmpty();
    }

    @Test
    void aCaBundleKeepsTheHostNameCheck() {
        try (ArgoServerGateway gateway = gateway(settings(https(wiremocks)).withCaBundle(wiremocksPem))) {
            assertThatThrownBy(() -> gateway.findByName(NAME))
                    .hasMessageContaining("the TLS handshake failed")
                    .hasMessageContaining("localhost");
        }
    }

    @Test
    void aCaBundleOfAnotherAuthorityIsNotTrusted() {
        try (ArgoServerGateway gateway = gateway(settings(https(wiremocks)).withCaBundle(localhostPem))) {
            assertThatThrownBy(() -> gateway.findByName(NAME)).hasMessageContaining("the TLS handshake failed");
        }
    }

    @Test
    void insecureAcceptsAnyCertificateForAnyHostWithOneWarning() {
        try (ArgoServerGateway gateway = gateway(settings(https(wiremocks)).withInsecureSkipTlsVerify(true))) {
            assertThat(gateway.findByName(NAME)).isPresent();
            assertThat(gateway.findByName(NAME)).isPresent();
        }
        assertThat(log).singleElement().asString().isEqualTo("warning: TLS certificate and host name checks are off"
                + " for Argo Server " + https(wiremocks) + " (insecure-skip-tls-verify); anyone between here and the"
                + " server can read the token");
    }

    @Test
    void insecureWinsOverACaBundleAndSaysSo() {
        try (ArgoServerGateway gateway = gateway(settings(https(wiremocks)).withCaBundle(localhostPem)
                .withInsecureSkipTlsVerify(true))) {
            assertThat(gateway.findByName(NAME)).isPresent();
        }
        assertThat(log).singleElement().asString().startsWith("warning: TLS certificate and host name checks are off")
                .endsWith("; the CA bundle " + localhostPem + " is ignored");
    }

    @Test
    void aCaBundleWithoutCertificatesIsRefusedAtConnect() throws Exception {
        Path notPem = Files.writeString(dir.resolve("empty.pem"), "# no certificates here\n");
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> gateway(settings(https(localhost)).withCaBundle(notPem)))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("the CA bundle " + notPem);
        assertThatThrownBy(() -> gateway(settings(https(localhost)).withCaBundle(missing)))
                .isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("reading the CA bundle " + missing + " failed");
    }
}
