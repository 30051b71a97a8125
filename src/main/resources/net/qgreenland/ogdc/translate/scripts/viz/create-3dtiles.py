# create-3dtiles (spec 6.4): converts every staged tile of one partition into a 3D tile.
# Environment: MANIFEST_PATH or MANIFEST (items: staged tile paths).


def main():
    items = read_manifest()
    for item in items:
        path = item_path(item)
        log.info("Creating 3D tile from %s", path)
        try:
            workflow.staged_to_3dtile(path)
        except Exception as error:
            fail(f"creating the 3D tile of {path}: {error}")
    log.info("Created %d 3D tiles", len(items))


run("create-3dtiles", main)
