# run-viz-serial (spec 6.2): the whole visualization in one pod: staging, rasterization, 3D tiles, WMTS capabilities.
# Environment: INPUT_MANIFEST_PATH or INPUT_MANIFEST (items: path, http(s) URL, or {"url", "filename"}).


def wmts_capabilities_enabled():
    check = getattr(workflow.config, "is_generate_wmtsCapabilities_enabled", None)
    if check is None:
        log.warning("This pdgworkflow cannot say whether to generate WMTS capabilities; skipping them")
        return False
    return check()


def main():
    stager, raster = enabled("enable_stager"), enabled("enable_raster")
    if stager:
        stage_inputs(read_manifest("INPUT_MANIFEST_PATH", "INPUT_MANIFEST"), "serial viz workflow: ")
    else:
        log.info("Staging is disabled: the input manifest is not used")
    steps = [
        ("rasterization", raster, workflow.run_rasterization),
        ("3D tiling", enabled("enable_3dtiles"), workflow.run_3d_tiling),
        ("WMTS capabilities",
         (stager or raster or enabled("enable_web_tiles")) and wmts_capabilities_enabled(),
         workflow.generate_wmts_capabilities),
    ]
    for name, wanted, action in steps:
        if not wanted:
            log.info("Skipping %s", name)
            continue
        log.info("Running %s", name)
        try:
            action()
        except Exception as error:
            fail(f"serial viz workflow: {name}: {error}")


run("run-viz-serial", main)
