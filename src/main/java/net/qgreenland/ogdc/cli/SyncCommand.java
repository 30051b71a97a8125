package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ArgoMode;
import net.qgreenland.ogdc.cluster.RecipeSubmitter;
import net.qgreenland.ogdc.report.HttpGitHubChecks;
import net.qgreenland.ogdc.report.HttpGitHubRepository;
import net.qgreenland.ogdc.run.CheckRunSynchronizer;
import net.qgreenland.ogdc.run.SyncContext;
import net.qgreenland.ogdc.run.SyncSummary;
import net.qgreenland.ogdc.run.TrackedWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ogdc-action sync}: completes the check runs of workflows that outlived their job; what the action does on a
 * {@code schedule} (or with input {@code command: sync}).
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Brings the check runs of workflows that outlived the job that submitted them (input wait: false, a lost "
                    + "runner, an expired token) up to date: finds this program's main workflows in the namespace by "
                    + "label, lists each of their commits' check runs once, and for each check run not yet completed "
                    + "publishes its workflow's end (with the failed steps' logs) or its progress. An in-progress "
                    + "check run of such a commit whose workflow no longer exists is completed as cancelled.",
            "Needs a cluster (an Argo Server or a kubeconfig). With a GitHub token (input token, $GITHUB_TOKEN) "
                    + "and the repository ($GITHUB_REPOSITORY or --repository) it publishes; without, it lists the "
                    + "workflows it found and changes nothing."
        },
        footer = {"", "Exit codes: 0 done (or listed), 1 a check run could not be listed or published, 2 usage error, "
                + "4 the cluster could not be used."})
final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArgoConnectionOptions connection;

    @Option(names = "--repository", paramLabel = "OWNER/NAME",
            description = "The repository whose check runs are completed (default: $GITHUB_REPOSITORY).")
    String repository;

    @Option(names = "--argo-ui-url", paramLabel = "URL",
            description = "The Argo UI's base URL, for links to workflows (default: input " + RunCommand.ARGO_UI_INPUT
                    + ").")
    String argoUi;

    private final Path workingDirectory;
    private final Map<String, String> env;

    SyncCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        ActionEnvironment action = ActionEnvironment.from(env);
        if (action.isGitHubActions()) {
            githubToken(action).ifPresent(WorkflowCommands.of(spec.commandLine().getOut(), action)::mask);
        }
        connection.maskToken(env, spec.commandLine().getErr());
        return sync(spec, connection, env, workingDirectory, Optional.ofNullable(repository),
                Optional.ofNullable(argoUi));
    }

    /**
     * The sync, for this command and for {@code run} (input {@code command: sync}, the {@code schedule} event).
     * Tokens must already be masked.
     *
     * @return the exit code
     */
    static int sync(CommandSpec spec, ArgoConnectionOptions connection, Map<String, String> env,
            Path workingDirectory, Optional<String> repositoryFlag, Optional<String> argoUiFlag) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActionEnvironment action = ActionEnvironment.from(env);
        if (connection.choose(env).mode() == ArgoMode.DRY_RUN) {
            throw new ParameterException(spec.commandLine(), "sync needs a cluster: give --argo-server URL (input "
                    + ArgoConnectionOptions.SERVER_INPUT + ", $" + ArgoConnectionOptions.SERVER_VARIABLE + "), or "
                    + "run where a kubeconfig or an in-cluster service account is available");
        }
        Optional<String> token = githubToken(action);
        Optional<String> repository = repositoryFlag.filter(r -> !r.isBlank()).or(action::repository);
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        try (ArgoGateway gateway = connection.open(env, workingDirectory, err, log)) {
            if (token.isEmpty() || repository.isEmpty()) {
                return list(gateway, out, log);
            }
            String apiUrl = action.apiUrl().orElse("https://api.github.com");
            List<String> secrets = new ArrayList<>();
            secrets.add(token.get());
            connection.token(env).ifPresent(secrets::add);
            Optional<String> runUrl = action.serverUrl().flatMap(server -> action.runId()
                    .map(id -> server + "/" + repository.get() + "/actions/runs/" + id));
            SyncContext context = new SyncContext(repository.get(), runUrl,
                    connection.argoUi(env, argoUiFlag), secrets);
            CheckRunSynchronizer synchronizer = new CheckRunSynchronizer(gateway,
                    HttpGitHubRepository.connect(apiUrl, repository.get(), token.get(), log),
                    HttpGitHubChecks.connect(apiUrl, repository.get(), token.get(), log), context,
                    Clock.systemUTC(), log);
            SyncSummary summary = synchronizer.synchronize();
            out.println("sync: " + summary.describe());
            out.flush();
            if (summary.failed() > 0) {
                err.println("ogdc-action sync: " + summary.failed() + " check run(s) could not be listed or "
                        + "published (see above); the next sync tries again");
                return ExitCode.FAILED.code();
            }
            return ExitCode.OK.code();
        }
    }

    /** Without a token or repository: what was found, and nothing changed. */
    private static int list(ArgoGateway gateway, PrintWriter out, Consumer<String> log) {
        CheckRunSynchronizer.Found found = CheckRunSynchronizer.find(gateway, log);
        for (TrackedWorkflow workflow : found.workflows()) {
            out.println(workflow.shortName() + ": " + workflow.workflow().name() + " "
                    + RecipeSubmitter.describe(workflow.workflow()));
        }
        out.println(found.workflows().size() + " workflow(s) with a check run to bring up to date, " + found.skipped()
                + " skipped; no GitHub token ($GITHUB_TOKEN) or repository ($GITHUB_REPOSITORY, --repository), so "
                + "no check run was read or changed");
        out.flush();
        return ExitCode.OK.code();
    }

    /** The GitHub token: input {@code token}, else {@code GITHUB_TOKEN}. */
    static Optional<String> githubToken(ActionEnvironment action) {
        return action.find(Optional.empty(), ChangeOptions.TOKEN_INPUT, ChangeOptions.TOKEN_VARIABLE);
    }
}
