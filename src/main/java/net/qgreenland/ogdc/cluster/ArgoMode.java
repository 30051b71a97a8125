package net.qgreenland.ogdc.cluster;

import java.util.Locale;
import java.util.Objects;

/** How to reach Argo: the Argo Server's REST API, the Kubernetes API, or not at all (a dry run); or decide. */
public enum ArgoMode {
    ARGO_SERVER("argo-server"),
    KUBERNETES("kubernetes"),
    DRY_RUN("dry-run"),
    AUTO("auto");

    private final String text;

    ArgoMode(String text) {
        this.text = text;
    }

    /** The mode as users write it: {@code argo-server}, {@code kubernetes}, {@code dry-run}, {@code auto}. */
    @Override
    public String toString() {
        return text;
    }

    /**
     * The mode named {@code text}.
     *
     * @throws IllegalArgumentException listing the modes if there is none of that name
     */
    public static ArgoMode parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ArgoMode mode : values()) {
            if (mode.text.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; use argo-server, kubernetes, dry-run or auto");
    }

    /** A concrete mode and why it was chosen, for the log. */
    public record Choice(ArgoMode mode, String reason) {
        public Choice {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(reason, "reason");
            if (mode == AUTO) {
                throw new IllegalArgumentException("a choice is a concrete mode");
            }
        }
    }

    /**
     * The concrete mode: this one, or for {@link #AUTO}, {@code argo-server} when a server URL is given,
     * {@code kubernetes} when running in a cluster or with a kubeconfig, else {@code dry-run} (DESIGN.md).
     */
    public Choice choose(boolean serverGiven, boolean clusterConfigFound) {
        if (this != AUTO) {
            return new Choice(this, "mode " + text + " was asked for");
        }
        if (serverGiven) {
            return new Choice(ARGO_SERVER, "an Argo Server URL is set");
        }
        if (clusterConfigFound) {
            return new Choice(KUBERNETES, "a Kubernetes configuration was found (in-cluster service account or"
                    + " kubeconfig)");
        }
        return new Choice(DRY_RUN, "no Argo Server URL and no Kubernetes configuration were found");
    }
}
