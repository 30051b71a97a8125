/**
 * Change detection: {@link net.qgreenland.ogdc.change.ChangedRecipeFinder} turns the paths changed between two
 * commits and the recipe directories at the head commit into a
 * {@link net.qgreenland.ogdc.change.RecipeSelection} (which recipes run, which are only validated, which were
 * removed, and why).
 *
 * <p>Pure: changed paths and a recipe index in, a decision out; no files, no environment, no Git. May import
 * {@code net.qgreenland.ogdc.recipe} and the JDK's collections and text classes only (not {@code java.nio.file});
 * {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.change;
