# rasterize-max-z (spec 6.4): rasterizes every staged tile of one partition at the highest zoom level.
# Environment: MANIFEST_PATH or MANIFEST (items: staged tile paths).


def main():
    items = read_manifest()
    for_each_item(items, lambda item, path: f"rasterizing {path}", workflow.rasterize_vector)
    log.info("Rasterized %d tiles", len(items))


run("rasterize-max-z", main)
