/**
 * Recipes on the local file system: finding the recipe directories of a path given on the command line and
 * reading their files safely (size caps, no symbolic links out of the recipe or the repository).
 *
 * <p>Touches the file system; may import {@code recipe}. Not used for Git history (that is {@code git}).
 */
package net.qgreenland.ogdc.workspace;
