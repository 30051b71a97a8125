package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.ParallelSubmissions;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.RecipeSubmitter;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.SubmitOptions;
import net.qgreenland.ogdc.cluster.SubmittedWorkflows;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.cluster.WorkflowTracker;
import net.qgreenland.ogdc.git.GitHead;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ogdc-action submit PATH... [--wait] [--overwrite] [--force]}: the Python CLI's {@code submit --wait
 * --overwrite}, for many recipes at once, concurrently, to the Argo Server, the Kubernetes API or a dry run.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validates the recipes, translates them and submits their workflows: for each recipe the helper "
                    + "(check-published, or remove-existing-data with --overwrite) runs first and is waited for; a "
                    + "recipe whose results are already published is skipped. Then the main workflow is submitted, "
                    + "and with --wait followed to its end.",
            "A recipe already submitted at the same commit with the same content is not submitted again (its "
                    + "workflow is reported, and followed with --wait) unless --force is given.",
            "If any recipe is invalid or cannot be translated, nothing is submitted."
        },
        footer = {"", "Exit codes: 0 every recipe submitted, succeeded, skipped or rendered; 1 a recipe is invalid, "
                + "failed, errored, timed out or could not be submitted; 2 usage error; 4 the cluster could not be "
                + "used."})
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RecipeSelection selection;

    @Mixin
    ArgoConnectionOptions connection;

    @Option(names = "--wait", description = "Follow each main workflow to its end, printing its progress.")
    boolean await;

    @Option(names = "--overwrite", description = "Delete the recipe's published results first (remove-existing-data) "
            + "instead of skipping a recipe that is already published.")
    boolean overwrite;

    @Option(names = "--force", description = "Submit even if the same recipe, commit and content was submitted "
            + "before.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The longest one recipe may take, helpers included (default: 6h). Units: s, m, h, e.g. "
                    + "90m or 2h30m.")
    Duration timeout = SubmitOptions.DEFAULT_TIMEOUT;

    @Option(names = "--on-timeout", paramLabel = "ACTION",
            description = "What to do with a workflow still running at the timeout: ${COMPLETION-CANDIDATES} "
                    + "(default: stop).")
    SubmitOptions.TimeoutAction onTimeout = SubmitOptions.TimeoutAction.STOP;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Recipes being submitted at once (default 4); submitted ones are followed without limit.")
    int parallel = 4;

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit to label the workflows with (default: "
            + "$GITHUB_SHA in GitHub Actions, else HEAD of the repository holding the first PATH).")
    String commit;

    @Option(names = "--pull-request", paramLabel = "N", description = "The pull request to label the workflows with.")
    Integer pullRequest;

    @Option(names = "--trigger", paramLabel = "NAME", description = "What started this run, as a label (default: "
            + "$GITHUB_EVENT_NAME, else cli).")
    String trigger;

    @Option(names = "--log-lines", paramLabel = "N", description = "Lines of each failed step's log to show "
            + "(default: " + SubmitOptions.DEFAULT_LOG_LINES + ").")
    int logLines = SubmitOptions.DEFAULT_LOG_LINES;

    private final Path workingDirectory;
    private final Map<String, String> env;

    SubmitCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        connection.maskToken(env, err);
        if (parallel < 1 || logLines < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    parallel < 1 ? "--parallel must be at least 1" : "--log-lines must not be negative");
        }
        TranslationSettings settings =
                selection.policy.translationSettings(connection.translationEnvironment(env));
        List<RecipeParseResult> results = selection.parse(workingDirectory, env);
        Optional<Map<Recipe, RecipeWorkflows>> translated = RecipeTranslations.translateAll(results,
                new RecipeTranslator(settings), overwrite, err, "Nothing submitted");
        if (translated.isEmpty()) {
            return ExitCode.FAILED.code();
        }
        RunLabels labels = labels();
        SubmitOptions options = new SubmitOptions(await, force, timeout, onTimeout, logLines);
        List<RecipeSubmission> submissions;
        try (ArgoGateway gateway = connection.open(env, workingDirectory, err, line -> say(err, line))) {
            submissions = submitAll(gateway, translated.get(), labels, options, err);
        }
        SubmissionReport.print(out, submissions);
        return submissions.stream().anyMatch(s -> s.status().isFailure()) ? ExitCode.FAILED.code()
                : ExitCode.OK.code();
    }

    private List<RecipeSubmission> submitAll(ArgoGateway gateway, Map<Recipe, RecipeWorkflows> translated,
            RunLabels labels, SubmitOptions options, PrintWriter err) throws InterruptedException {
        Map<String, String> directories = new LinkedHashMap<>();
        translated.keySet().forEach(r -> directories.put(r.id().value(), r.directory()));
        LabelSelector ours = LabelSelector.anyOf(RunLabels.RECIPE_ID, directories.keySet());
        SubmittedWorkflows earlier = SubmittedWorkflows.atCommit(gateway, labels);
        try (ParallelSubmissions submissions = new ParallelSubmissions(Math.min(parallel, translated.size()));
                WorkflowTracker tracker = new WorkflowTracker(gateway, ours, Duration.ofMinutes(1),
                        state -> progress(err, directories, state), notice -> say(err, notice))) {
            List<CompletableFuture<RecipeSubmission>> futures = new ArrayList<>();
            for (Map.Entry<Recipe, RecipeWorkflows> entry : translated.entrySet()) {
                Recipe recipe = entry.getKey();
                RecipeSubmitter submitter = new RecipeSubmitter(gateway, tracker, options, earlier,
                        line -> say(err, recipe.directory() + ": " + line));
                futures.add(submissions.submit(submitter, recipe, entry::getValue, labels));
            }
            List<RecipeSubmission> results = new ArrayList<>();
            for (CompletableFuture<RecipeSubmission> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("submitting a recipe failed unexpectedly", e.getCause());
                }
            }
            return results;
        }
    }

    private static void progress(PrintWriter err, Map<String, String> directories, WorkflowState state) {
        if (state.phase() == net.qgreenland.ogdc.cluster.WorkflowPhase.NOT_SUBMITTED) {
            return;
        }
        String directory = directories.getOrDefault(state.labels().get(RunLabels.RECIPE_ID), "?");
        say(err, directory + ": " + state.name() + " " + state.phase().argoName()
                + state.progress().map(p -> " " + p).orElse(""));
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    private RunLabels labels() {
        ActionEnvironment action = ActionEnvironment.from(env);
        Optional<String> sha = Optional.ofNullable(commit)
                .or(() -> action.isGitHubActions() ? action.sha() : Optional.empty())
                .or(() -> GitHead.find(workingDirectory.resolve(
                        selection.paths.isEmpty() ? "." : selection.paths.get(0))));
        String triggerName = Optional.ofNullable(trigger).or(action::eventName).orElse("cli");
        return new RunLabels(sha, pullRequest == null ? OptionalInt.empty() : OptionalInt.of(pullRequest),
                triggerName);
    }

    /** Reads {@code 90s}, {@code 45m}, {@code 6h}, {@code 2h30m}, or ISO-8601 ({@code PT2H}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                Duration duration = Duration.parse(text.startsWith("P") ? text : "PT" + text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new TypeConversionException("'" + value + "' is not a positive duration");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 90s, 45m, 6h or "
                        + "2h30m");
            }
        }
    }
}
