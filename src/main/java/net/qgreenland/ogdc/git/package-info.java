/**
 * Git history: the {@link net.qgreenland.ogdc.git.GitChanges} port (commits, trees at a commit, what changed between
 * two commits) and its JGit adapter, which works in the depth-1 clone GitHub checks out by fetching what is missing
 * from {@code origin}, and falls back to GitHub's compare API ({@link net.qgreenland.ogdc.git.GitHubCompare}).
 *
 * <p>Touches the repository and the network; never runs the {@code git} program. JGit and hub4j types stay inside
 * the adapters: callers see {@code change.ChangedPath}, SHAs as strings and {@code recipe.RecipeFiles}.
 */
package net.qgreenland.ogdc.git;
