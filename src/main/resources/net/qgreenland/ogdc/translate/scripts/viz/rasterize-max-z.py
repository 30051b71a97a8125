# rasterize-max-z (spec 6.4): rasterizes every staged tile of one partition at the highest zoom level.
# Environment: MANIFEST_PATH or MANIFEST (items: staged tile paths).


def main():
    items = read_manifest()
    for item in items:
        path = item_path(item)
        log.info("Rasterizing %s", path)
        try:
            workflow.rasterize_vector(path)
        except Exception as error:
            fail(f"rasterizing {path}: {error}")
    log.info("Rasterized %d tiles", len(items))


run("rasterize-max-z", main)
