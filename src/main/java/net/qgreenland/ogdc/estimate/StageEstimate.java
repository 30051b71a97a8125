package net.qgreenland.ogdc.estimate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import net.qgreenland.ogdc.translate.PodStage;

/**
 * The estimate of one stage: how many pods and where that number comes from, and how long each pod takes and
 * whether earlier runs say so.
 *
 * @param name the step or task name ({@code cmd-0})
 * @param template the template its pods run ({@code create-composite-z} for every composite level)
 * @param podDuration the mean duration of one pod
 * @param fromHistory {@code podDuration} is the mean of the stage's pods in earlier runs, not a default
 */
public record StageEstimate(String name, String template, PodStage.Kind kind, long pods, Pods podsFrom,
        Duration podDuration, boolean fromHistory) {

    /** Where a stage's pod count comes from. */
    public enum Pods {
        /** The stage always runs one pod. */
        ONE,
        /** One pod per partition of the input files, which could be counted. */
        INPUTS,
        /** As many as the newest earlier run had. */
        HISTORY,
        /** Only known once the run lists or discovers its files: counted as one pod. */
        UNKNOWN;

        /** {@code one}, {@code inputs}, {@code history}, {@code unknown}: the JSON value. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StageEstimate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(podsFrom, "podsFrom");
        Objects.requireNonNull(podDuration, "podDuration");
        if (pods < 0 || podDuration.isNegative()) {
            throw new IllegalArgumentException("stage " + name + ": pods and duration must be >= 0");
        }
    }

    /** All its pods' time together. */
    public Duration podTime() {
        return podDuration.multipliedBy(pods);
    }
}
