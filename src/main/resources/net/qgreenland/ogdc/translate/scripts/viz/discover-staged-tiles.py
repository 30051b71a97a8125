# discover-staged-tiles (spec 6.4): partitions the staged vector tiles of the highest zoom level.
# Environment: PARTITION_SIZE, MAX_PARTITIONS. Stdout: the partition refs only.


def main():
    max_z = workflow.config.get_max_z()
    files = sorted(workflow.tiles.get_filenames_from_dir("staged", z=max_z))
    log.info("Found %d staged tiles at z=%s", len(files), max_z)
    return write_partitions(files, "staged-tiles")


run("discover-staged-tiles", main, refs_artifact="/tmp/staged_tiles_manifest.json")
