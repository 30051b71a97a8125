# stage-files (spec 6.4): stages every file of one partition; URLs are downloaded into dir_input first.
# Environment: MANIFEST_PATH or MANIFEST (items: path, http(s) URL, or {"url", "filename"}).


def main():
    items = read_manifest()
    directory = input_dir()
    os.makedirs(directory, exist_ok=True)
    for item in items:
        path = local_input(item, directory)
        log.info("Staging %s", path)
        try:
            workflow.stage(path)
        except Exception as error:
            fail(f"staging {path}: {error}")
    log.info("Staged %d files", len(items))


run("stage-files", main)
