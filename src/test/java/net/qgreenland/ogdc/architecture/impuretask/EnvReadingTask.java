package net.qgreenland.ogdc.architecture.impuretask;

import net.qgreenland.ogdc.cli.ExitCode;

/** A deliberately misbehaving task: the task rule must flag the environment, standard output and the cli import. */
final class EnvReadingTask {

    private EnvReadingTask() {}

    static int run() {
        System.out.println(System.getenv("DATAONE_NODE_URL"));
        return ExitCode.OK.code();
    }
}
