/**
 * The GitHub Actions edge: environment and event. {@link net.qgreenland.ogdc.action.ActionEnvironment} reads the
 * {@code GITHUB_*} and {@code INPUT_*} variables once from the environment {@code Map} it is given, and
 * {@link net.qgreenland.ogdc.action.ActionEvent} turns the event name and payload into what there is to run.
 *
 * <p>May read files only through the paths it is given ({@code GITHUB_EVENT_PATH}); never calls
 * {@code System.getenv}: the environment arrives as a {@code Map}. May import the JDK and Jackson; must not import
 * {@code cli}.
 */
package net.qgreenland.ogdc.action;
