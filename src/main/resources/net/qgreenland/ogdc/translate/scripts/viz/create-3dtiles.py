# create-3dtiles (spec 6.4): converts every staged tile of one partition into a 3D tile.
# Environment: MANIFEST_PATH or MANIFEST (items: staged tile paths).


def main():
    items = read_manifest()
    for_each_item(items, lambda item, path: f"creating the 3D tile of {path}", workflow.staged_to_3dtile)
    log.info("Created %d 3D tiles", len(items))


run("create-3dtiles", main)
