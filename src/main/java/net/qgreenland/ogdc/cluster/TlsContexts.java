package net.qgreenland.ogdc.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the TLS context an Argo Server connection trusts: the system's authorities, a CA bundle, or anything. */
final class TlsContexts {

    private TlsContexts() {}

    /**
     * The context for {@code settings}, or empty for the JDK's default (the system's authorities, host names
     * checked). The insecure switch wins over a CA bundle, and either way it is logged as a warning.
     *
     * @throws ClusterException if the CA bundle cannot be read or holds no certificate
     */
    static Optional<SSLContext> forSettings(ArgoServerSettings settings, Consumer<String> log) {
        if (settings.insecureSkipTlsVerify()) {
            log.accept("warning: TLS certificate and host name checks are off for Argo Server " + settings.server()
                    + " (insecure-skip-tls-verify); anyone between here and the server can read the token"
                    + settings.caBundle().map(p -> "; the CA bundle " + p + " is ignored").orElse(""));
            return Optional.of(trustingAnything());
        }
        return settings.caBundle().map(TlsContexts::trusting);
    }

    /** A context that trusts exactly the certificates in the PEM file {@code bundle}; host names are still checked. */
    static SSLContext trusting(Path bundle) {
        List<Certificate> certificates = readPem(bundle);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ClusterException(ClusterException.Reason.OTHER,
                    "setting up TLS with the CA bundle " + bundle + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A context that accepts any certificate. Its trust manager is an {@link X509ExtendedTrustManager}, so the JDK
     * leaves the host name check to it as well, and it skips that too.
     */
    static SSLContext trustingAnything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingAnything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make a TLS context", e);
        }
    }

    static List<Certificate> readPem(Path bundle) {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(bundle)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ClusterException(ClusterException.Reason.OTHER,
                    "reading the CA bundle " + bundle + " failed: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new ClusterException(ClusterException.Reason.OTHER, "the CA bundle " + bundle
                    + " is not a PEM file of X.509 certificates: " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new ClusterException(ClusterException.Reason.OTHER, "the CA bundle " + bundle
                    + " holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        return new ArrayList<>(read);
    }

    /** Accepts every certificate chain for every host: only for {@code insecureSkipTlsVerify}. */
    private static final class TrustingAnything extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
