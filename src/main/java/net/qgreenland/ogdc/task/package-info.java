/**
 * Subcommands that run inside Argo workflow pods from the action image ({@code ogdc-action task ...}): listing PVC
 * files into partition manifests, writing manifests for URL and DataONE inputs, resolving DataONE datasets and
 * fetching inputs, so that enumerating inputs happens in the cluster and a submitted workflow never grows with them.
 *
 * <p>Does file and network I/O (through the paths, URLs and environment {@code Map} it is given; never
 * {@code System.getenv}). May import the JDK, Jackson, picocli and Failsafe; must not import {@code cli}, which
 * registers these commands and maps {@link net.qgreenland.ogdc.task.TaskFailure} to exit code 1.
 */
package net.qgreenland.ogdc.task;
