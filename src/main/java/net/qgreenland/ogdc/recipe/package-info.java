/**
 * Recipes: the {@link net.qgreenland.ogdc.recipe.Recipe} records, {@link net.qgreenland.ogdc.recipe.RecipeParser}
 * (text in, a recipe or every problem with file:line:col out) and recipe discovery.
 *
 * <p>Pure: no I/O, no environment, no vendor clients. Files arrive through the
 * {@link net.qgreenland.ogdc.recipe.RecipeFiles} port. May import Jackson (YAML, JSON) and the JDK's collections
 * and text classes only; {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.recipe;
