# create-web-tiles (spec 6.4): makes the web tiles of every GeoTIFF of one partition.
# Environment: MANIFEST_PATH or MANIFEST (items: {"z", "path"}, or bare paths from a PVC listing).


def zoom_of(item):
    if isinstance(item, dict):
        return item.get("z", -1)
    try:
        return int(workflow.tiles.dict_from_path(item)["z"])
    except Exception:
        return -1


def main():
    items = read_manifest()
    raster_tiler = workflow.init_raster_tiler()
    for_each_item(items, lambda item, path: f"creating web tiles from {path} (z={zoom_of(item)})",
                  raster_tiler.webtile_from_geotiff)
    log.info("Created web tiles from %d GeoTIFFs", len(items))


run("create-web-tiles", main)
