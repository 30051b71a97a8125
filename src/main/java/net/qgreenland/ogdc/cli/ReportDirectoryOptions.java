package net.qgreenland.ogdc.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.report.RunReportWriter;
import picocli.CommandLine.Option;

/**
 * Where {@code run} writes its report files ({@link RunReportWriter}): {@code --report-dir}, input
 * {@code report-dir}, else a directory {@value #DEFAULT_NAME} in the runner's temporary space inside Actions and in
 * the working directory outside.
 *
 * <p>Inside the action's container {@code RUNNER_TEMP} names a directory of the runner's host that is not mounted;
 * only {@code $RUNNER_TEMP/_github_home} is, as {@code $HOME} ({@value #CONTAINER_HOME}). So there the files go to
 * {@code $HOME/ogdc-report} and the output names {@code $RUNNER_TEMP/_github_home/ogdc-report}, the path the
 * workflow's later steps (which run on the host) see them at.
 */
final class ReportDirectoryOptions {

    static final String REPORT_DIR_INPUT = "report-dir";
    static final String DEFAULT_NAME = "ogdc-report";
    /** {@code HOME} in a Docker container action: the runner mounts {@code $RUNNER_TEMP/_github_home} there. */
    static final String CONTAINER_HOME = "/github/home";
    static final String CONTAINER_HOME_ON_HOST = "_github_home";

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where run writes report.json, recipes.csv, "
            + "failed.csv and summary.md (input report-dir; relative to the working directory). Other files in it "
            + "are left alone. Default: " + DEFAULT_NAME + " in RUNNER_TEMP inside Actions, else in the working "
            + "directory.")
    Path reportDirectory;

    /** The report writer for this run's environment. */
    RunReportWriter writer(Map<String, String> env, Path workingDirectory) {
        ActionEnvironment action = ActionEnvironment.from(env);
        Optional<Path> given = Optional.ofNullable(reportDirectory).or(() -> action.input(REPORT_DIR_INPUT)
                .map(String::strip).filter(value -> !value.isEmpty()).map(Path::of));
        return choose(given, action.isGitHubActions(), action.runnerTemp(), Optional.ofNullable(env.get("HOME")),
                workingDirectory);
    }

    /**
     * The directory to write and the path to name in the output: a given directory as given (a relative one is
     * relative to the working directory, which in Actions is the workspace, on the host as in the container); by
     * default {@value #DEFAULT_NAME} in {@code runnerTemp} (through {@code $HOME} in the action's container), else in
     * {@code workingDirectory}.
     */
    static RunReportWriter choose(Optional<Path> given, boolean inActions, Optional<Path> runnerTemp,
            Optional<String> home, Path workingDirectory) {
        if (given.isPresent()) {
            return new RunReportWriter(workingDirectory.resolve(given.get()).normalize(), given.get().toString());
        }
        if (inActions && runnerTemp.isPresent()) {
            if (home.equals(Optional.of(CONTAINER_HOME))) {
                return new RunReportWriter(Path.of(CONTAINER_HOME, DEFAULT_NAME),
                        runnerTemp.get().resolve(CONTAINER_HOME_ON_HOST).resolve(DEFAULT_NAME).toString());
            }
            Path directory = runnerTemp.get().resolve(DEFAULT_NAME);
            return new RunReportWriter(directory, directory.toString());
        }
        Path directory = workingDirectory.resolve(DEFAULT_NAME).toAbsolutePath().normalize();
        return new RunReportWriter(directory, inActions ? DEFAULT_NAME : directory.toString());
    }
}
