/**
 * What recipe inputs hold, looked up before a run for the pre-flight estimate: the {@link
 * net.qgreenland.ogdc.inputs.InputProbe} port, and its adapter {@link net.qgreenland.ogdc.inputs.HttpInputProbe}
 * (HEAD requests for URLs and the DataONE index, bounded in number, parallelism and time; a lookup that fails makes
 * its input unknown, never the plan fail).
 *
 * <p>Does network I/O; may import {@code recipe}, {@code estimate} (the {@code InputSize} values it returns),
 * {@code task} (the DataONE index, queried as {@code task fetch} will), the JDK and Jackson.
 */
package net.qgreenland.ogdc.inputs;
