package net.qgreenland.ogdc.translate;

/**
 * The visualization script templates (spec §6.2, §6.4), each named as its Argo template; {@link PodScripts#vizSource}
 * gives a step's Python.
 */
public enum VizStep {
    STAGE_FILES("stage-files"),
    DISCOVER_STAGED_TILES("discover-staged-tiles"),
    RASTERIZE_MAX_Z("rasterize-max-z"),
    CREATE_3DTILES("create-3dtiles"),
    DISCOVER_PARENT_TILES("discover-parent-tiles"),
    CREATE_COMPOSITE_Z("create-composite-z"),
    DISCOVER_ALL_GEOTIFFS("discover-all-geotiffs"),
    CREATE_WEB_TILES("create-web-tiles"),
    RUN_VIZ_SERIAL("run-viz-serial");

    private final String templateName;

    VizStep(String templateName) {
        this.templateName = templateName;
    }

    /** The Argo template's name, e.g. {@code discover-parent-tiles}; also the name of the step's script resource. */
    public String templateName() {
        return templateName;
    }
}
