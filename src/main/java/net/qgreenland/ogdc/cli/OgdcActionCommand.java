package net.qgreenland.ogdc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code ogdc-action} command: it only groups the subcommands. */
@Command(
        name = "ogdc-action",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validates OGDC recipes and runs them as Argo Workflows.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  everything was valid / succeeded",
            "  1  a recipe is invalid or a run failed",
            "  2  usage error: bad option, path, commit or recipe name",
            "  3  internal error",
            "  4  the cluster or Argo Server refused or could not be reached"
        })
final class OgdcActionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
