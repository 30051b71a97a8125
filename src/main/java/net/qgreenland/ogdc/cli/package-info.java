/**
 * The command line (picocli): {@link net.qgreenland.ogdc.cli.Main#run} runs a command in-process and is the one
 * place that maps outcomes and exceptions to exit codes.
 *
 * <p>May touch I/O (it prints, and wires adapters); may import every other package of the program.
 */
package net.qgreenland.ogdc.cli;
