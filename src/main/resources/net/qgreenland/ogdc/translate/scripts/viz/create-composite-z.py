# create-composite-z (spec 6.4): makes the composite GeoTIFF of every parent tile of one partition from its children.
# Environment: MANIFEST_PATH or MANIFEST (items: {"z", "path"} of parent tiles).


def main():
    items = read_manifest()
    raster_tiler = workflow.init_raster_tiler()
    for_each_item(items, lambda item, path: f"creating composite {path}",
                  lambda path: raster_tiler.parent_geotiff_from_children(workflow.tiles.tile_from_path(path)))
    log.info("Created %d composites", len(items))


run("create-composite-z", main)
