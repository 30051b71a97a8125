# stage-files (spec 6.4): stages every file of one partition; URLs are downloaded into dir_input first.
# Environment: MANIFEST_PATH or MANIFEST (items: path, http(s) URL, or {"url", "filename"}).


def main():
    items = read_manifest()
    stage_inputs(items)
    log.info("Staged %d files", len(items))


run("stage-files", main)
