package net.qgreenland.ogdc.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.report.RecipeState;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code run} does about outcomes and other runs: which recipe states fail the job, what a cancelled job does
 * to its workflows, whether older runs are superseded, and the approval gate's threshold; each an option or the
 * action input of the same name.
 */
final class RunPolicyOptions {

    static final String ON_CANCEL_INPUT = "on-cancel";
    static final String FAIL_ON_INPUT = "fail-on";
    static final String CANCEL_SUPERSEDED_INPUT = "cancel-superseded";
    static final String MAX_POD_HOURS_INPUT = "max-pod-hours";
    /** The states that fail the run unless {@code --fail-on} says otherwise. */
    static final String DEFAULT_FAIL_ON = "invalid,failed,errored,timed-out";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--on-cancel", paramLabel = "ACTION", description = "When the job is cancelled: stop its "
            + "workflows, or leave them running (input on-cancel; default stop).")
    String onCancel;

    @Option(names = "--fail-on", paramLabel = "STATES", description = "Which recipe states fail the run (input "
            + "fail-on; default " + DEFAULT_FAIL_ON + ").")
    String failOn;

    @Option(names = "--no-cancel-superseded", description = "Leave older runs of the same recipes for the same pull "
            + "request or branch running (input cancel-superseded: false); by default they are stopped.")
    boolean keepSuperseded;

    @Option(names = "--max-pod-hours", paramLabel = "HOURS", description = "Hold back recipes whose estimate is over "
            + "this many pod-hours until approved (/ogdc approve, or --force / a dispatch with force); input "
            + "max-pod-hours; default: no limit.")
    String maxPodHours;

    /** Whether a cancelled job stops its workflows ({@code stop}, the default) or leaves them running. */
    boolean stopOnCancel(ActionEnvironment action) {
        String cancel = Optional.ofNullable(onCancel).or(() -> action.input(ON_CANCEL_INPUT)).orElse("stop")
                .strip().toLowerCase(Locale.ROOT);
        if (!cancel.equals("stop") && !cancel.equals("leave")) {
            throw new ParameterException(spec.commandLine(), "on-cancel must be stop or leave, got '" + cancel + "'");
        }
        return cancel.equals("stop");
    }

    /** The approval threshold in pod-hours ({@code --max-pod-hours}, input {@code max-pod-hours}); empty: none. */
    OptionalDouble maxPodHours(ActionEnvironment action) {
        Optional<String> text = Optional.ofNullable(maxPodHours).or(() -> action.input(MAX_POD_HOURS_INPUT))
                .map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double hours = Double.parseDouble(text.get());
            if (hours > 0 && !Double.isInfinite(hours)) {
                return OptionalDouble.of(hours);
            }
        } catch (NumberFormatException e) {
            // answered below with what is expected
        }
        throw new ParameterException(spec.commandLine(), "max-pod-hours must be a number of pod-hours > 0 (e.g. 50 "
                + "or 2.5), got '" + text.get() + "'");
    }

    boolean cancelSuperseded(ActionEnvironment action) {
        return !keepSuperseded && bool(action.input(CANCEL_SUPERSEDED_INPUT), CANCEL_SUPERSEDED_INPUT, true);
    }

    Set<String> failOn(ActionEnvironment action) {
        String text = Optional.ofNullable(failOn).or(() -> action.input(FAIL_ON_INPUT)).orElse(DEFAULT_FAIL_ON);
        Set<String> known = new TreeSet<>();
        for (RecipeState state : RecipeState.values()) {
            known.add(key(state));
        }
        Set<String> states = new TreeSet<>();
        for (String part : text.split("[,\\s]+")) {
            String state = part.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (state.isEmpty() || state.equals("none")) {
                continue;
            }
            if (!known.contains(state)) {
                throw new ParameterException(spec.commandLine(), "fail-on: unknown state '" + part + "'; use some of "
                        + String.join(", ", known) + ", or none");
            }
            states.add(state);
        }
        return states;
    }

    private boolean bool(Optional<String> value, String name, boolean fallback) {
        return ChangeOptions.booleanSetting(value, name, fallback, spec);
    }

    /** {@code timed-out} for TIMED_OUT. */
    static String key(RecipeState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
