# discover-all-geotiffs (spec 6.4): partitions every GeoTIFF tile, at every zoom level, for web tiling.
# Environment: PARTITION_SIZE, MAX_PARTITIONS. Stdout: the partition refs only.


def main():
    files = workflow.tiles.get_filenames_from_dir("geotiff")
    items = sorted(({"z": int(workflow.tiles.dict_from_path(path)["z"]), "path": path} for path in files),
                   key=lambda item: (item["z"], item["path"]))
    log.info("Found %d GeoTIFF tiles", len(items))
    return write_partitions(items, "geotiffs")


run("discover-all-geotiffs", main, refs_artifact="/tmp/geotiffs_manifest.json")
