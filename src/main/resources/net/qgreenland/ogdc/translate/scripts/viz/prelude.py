# ogdc-action visualization step for the pdgworkflow image (spec 6.1, 6.4). This prelude is shared by every step;
# the step's own code follows it and ends by calling run(...).
#
# Parameters come from the environment (the workflow sets them from Argo parameters; nothing is substituted into
# this text):
#   RECIPE_ID                      required: the recipe's directory under WORKFLOW_DIR
#   WORKFLOW_DIR                   optional, default /mnt/workflow
#   MANIFEST_PATH / MANIFEST       fan-out workers: a JSON file, or inline JSON (default []); a non-empty path wins
#   PARTITION_SIZE, MAX_PARTITIONS discovery steps: defaults 1000 and 10000
#   REFS_ARTIFACT_PATH             discovery steps: where the partition refs are also written (default per step)
#
# Logging goes to stderr. While a step runs, stdout (Python's and file descriptor 1) points at stderr as well, so
# the partition refs a discovery step prints at the end are its only stdout: Argo turns them into outputs.result
# for withParam, and a stray print from pdgworkflow or GDAL must not corrupt them.

import contextlib
import json
import logging
import math
import os
import re
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("ogdc-viz")

START_DIR = os.getcwd()
DOWNLOAD_TIMEOUT_SECONDS = 300
USER_AGENT = "ogdc-action-viz"

config = {}
workflow = None
recipe_directory = None


def fail(message):
    """Logs FAILED <message> and ends the step with exit status 1."""
    log.error("FAILED %s", message)
    sys.stderr.flush()
    sys.exit(1)


def env_text(name, default=""):
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_int(name, default, minimum=1):
    text = env_text(name).strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or value < minimum:
        fail(f"{name} must be a whole number >= {minimum}, got {text!r}")
    return value


def recipe_dir():
    recipe_id = env_text("RECIPE_ID").strip()
    if not recipe_id:
        fail("RECIPE_ID is not set")
    if "/" in recipe_id or recipe_id in (".", ".."):
        fail(f"RECIPE_ID must be a single directory name, got {recipe_id!r}")
    return os.path.join(env_text("WORKFLOW_DIR", "/mnt/workflow"), recipe_id)


def open_workflow():
    """Reads the recipe's config.json, moves into its directory (relative dir_* resolve there) and builds the
    WorkflowManager."""
    global config, workflow, recipe_directory
    directory = recipe_directory = os.path.abspath(recipe_dir())
    config_path = os.path.join(directory, "config.json")
    try:
        with open(config_path, encoding="utf-8") as file:
            config = json.load(file)
    except (OSError, ValueError) as error:
        fail(f"reading viz config {config_path}: {error}")
    if not isinstance(config, dict):
        fail(f"viz config {config_path} is not a JSON object")
    os.chdir(directory)
    from pdgworkflow import WorkflowManager

    workflow = WorkflowManager(config)
    return directory


def enabled(key):
    """A config.json enable_* flag; every stage is on unless the config turns it off (spec 1.10)."""
    value = config.get(key, True)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def read_manifest(path_variable="MANIFEST_PATH", inline_variable="MANIFEST"):
    """The JSON list of items from the file named by path_variable, or else the inline JSON of inline_variable."""
    path = env_text(path_variable).strip()
    if path:
        path = os.path.join(START_DIR, path)
        try:
            with open(path, encoding="utf-8") as file:
                items = json.load(file)
        except (OSError, ValueError) as error:
            fail(f"reading manifest {path}: {error}")
        source = path
    else:
        try:
            items = json.loads(env_text(inline_variable, "[]"))
        except ValueError as error:
            fail(f"{inline_variable} is not JSON: {error}")
        source = inline_variable
    if not isinstance(items, list):
        fail(f"manifest {source} is not a JSON array")
    log.info("Read %d items from %s", len(items), source)
    return items


def item_path(item):
    """The path of a manifest item: a {"z", "path"} dict or a bare path string."""
    if isinstance(item, dict) and isinstance(item.get("path"), str):
        return item["path"]
    if isinstance(item, str):
        return item
    fail("manifest item is neither a path nor a {z, path} object: " + repr(item))


def for_each_item(items, describe, action):
    """Runs action(path) on the path of every manifest item. describe(item, path) says what that is ("rasterizing
    x"): it is logged first, and the first error ends the step as FAILED <description>: <error>."""
    for item in items:
        path = item_path(item)
        description = describe(item, path)
        log.info("%s", description[:1].upper() + description[1:])
        try:
            action(path)
        except Exception as error:
            fail(f"{description}: {error}")


def stage_inputs(items, failure_context=""):
    """Downloads the URL items into dir_input and stages every input with the workflow."""
    directory = input_dir()
    os.makedirs(directory, exist_ok=True)
    for item in items:
        path = local_input(item, directory)
        log.info("Staging %s", path)
        try:
            workflow.stage(path)
        except Exception as error:
            fail(f"{failure_context}staging {path}: {error}")


def input_dir():
    return config.get("dir_input") or "input"


def download_name(url, filename):
    """The file name a download is saved under: the given one, else the percent-decoded last segment of the URL
    path (no query)."""
    name = filename if filename else urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
    name = name.replace("/", "_").replace("\0", "")
    if name in ("", ".", ".."):
        fail(f"cannot name the download of {url}: give it a filename")
    return name


def local_input(item, directory):
    """A manifest item as a local path: http(s) URLs are downloaded into directory, other paths are used as they are.
    An item is a string (URL or path) or {"url": ..., "filename": ...} (a resolved DataONE object)."""
    if isinstance(item, dict):
        url, filename = item.get("url"), item.get("filename")
        if not isinstance(url, str) or not url or (filename is not None and not isinstance(filename, str)):
            fail(f"manifest item needs a string url and an optional string filename: {item!r}")
    elif isinstance(item, str) and item:
        url, filename = item, None
    else:
        fail("manifest item is neither a URL, a path nor a {url, filename} object: " + repr(item))
    if not re.match(r"(?i)https?://", url):
        return url
    target = os.path.join(directory, download_name(url, filename))
    partial = target + ".part"
    log.info("Downloading %s to %s", url, target)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
        os.replace(partial, target)
    except Exception as error:
        with contextlib.suppress(OSError):
            os.remove(partial)
        fail(f"downloading {url}: {error}")
    return target


def partition_size(count):
    """PARTITION_SIZE, raised when count items would make more than MAX_PARTITIONS partitions (spec 10, scale)."""
    size = env_int("PARTITION_SIZE", 1000)
    cap = env_int("MAX_PARTITIONS", 10000)
    if math.ceil(count / size) > cap:
        raised = math.ceil(count / cap)
        log.info("Raising partition size from %d to %d: %d items would make %d partitions, more than "
                 "MAX_PARTITIONS=%d", size, raised, count, math.ceil(count / size), cap)
        size = raised
    return size


def write_json_atomically(path, value):
    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(value, file)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def write_partitions(items, subdir):
    """Writes items in chunks as retained manifests partition-<i>.json under partition-manifests/<subdir> and
    returns the refs [{"partition_id": i}, ...]."""
    size = partition_size(len(items))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    directory = os.path.join(recipe_directory, "partition-manifests", subdir)
    os.makedirs(directory, exist_ok=True)
    for index, chunk in enumerate(chunks):
        write_json_atomically(os.path.join(directory, f"partition-{index}.json"), chunk)
    # Manifests of an earlier, larger run would look like part of this one.
    for name in os.listdir(directory):
        match = re.fullmatch(r"partition-(\d+)\.json", name)
        if match and int(match.group(1)) >= len(chunks):
            os.remove(os.path.join(directory, name))
    if not items:
        log.warning("Nothing found: no partitions for %s", subdir)
    log.info("Wrote %d partition manifests of up to %d items to %s", len(chunks), size, directory)
    return [{"partition_id": index} for index in range(len(chunks))]


def run(step, main, refs_artifact=None):
    """Runs main() with all stdout sent to stderr. A discovery step (refs_artifact given) returns partition refs:
    they are written to REFS_ARTIFACT_PATH (default refs_artifact) and printed as the only stdout."""
    result_fd = os.dup(1)
    sys.stdout.flush()
    os.dup2(2, 1)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            open_workflow()
            log.info("%s: starting", step)
            refs = main()
            sys.stderr.flush()
    except SystemExit:
        raise
    except BaseException as error:
        log.exception("%s: unexpected error", step)
        fail(f"{step}: {error}")
    if refs_artifact is not None:
        write_json_atomically(env_text("REFS_ARTIFACT_PATH", refs_artifact), refs)
        with os.fdopen(result_fd, "w", encoding="utf-8") as result:
            result.write(json.dumps(refs) + "\n")
    else:
        os.close(result_fd)
    log.info("%s: done", step)
