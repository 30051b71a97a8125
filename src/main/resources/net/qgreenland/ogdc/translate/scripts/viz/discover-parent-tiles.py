# discover-parent-tiles (spec 6.4): partitions the parents at Z_LEVEL of the GeoTIFF tiles at Z_LEVEL + 1.
# Environment: Z_LEVEL (required), PARTITION_SIZE, MAX_PARTITIONS. Stdout: the partition refs only.


def main():
    z = env_int("Z_LEVEL", None, minimum=0)
    if z is None:
        fail("Z_LEVEL is not set")
    children = workflow.tiles.get_filenames_from_dir("geotiff", z=z + 1)
    parents = {workflow.tiles.get_parent_tile(child) for child in children}
    parents.discard(None)
    items = [{"z": z, "path": workflow.tiles.path_from_tile(tile, base_dir="geotiff")} for tile in sorted(parents)]
    log.info("Found %d parent tiles at z=%d from %d children", len(items), z, len(children))
    return write_partitions(items, f"parent-tiles-z-{z}")


run("discover-parent-tiles", main, refs_artifact="/tmp/parent_tiles_manifest.json")
