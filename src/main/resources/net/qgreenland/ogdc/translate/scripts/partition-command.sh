# ogdc-action: runs one recipe command once per file of one partition (spec 5.5, with its bugs fixed).
#
# Usage:  sh -c "<this text>" ogdc-partition "<recipe command>"
# The command arrives as $1 and runs as `sh -euc "$1"` (errexit and nounset, as the Python runner's pasted
# script had them), so it is never pasted into this text.
# Environment (set by the workflow from Argo parameters):
#   RECIPE_ID, PARTITION_ID, CMD_INDEX     required
#   PARTITION_MANIFEST_PATH                required when CMD_INDEX is 0: a JSON array of absolute file paths
#   WORKFLOW_DIR                           optional, default /mnt/workflow
# The command sees INPUT_FILE, OUTPUT_FILE, INPUT_DIR and OUTPUT_DIR exported.
set -eu

fail() {
    fail_status=$1
    shift
    printf 'ERROR: %s\n' "$*" >&2
    exit "$fail_status"
}

require() {
    eval "required_value=\${$1:-}"
    [ -n "$required_value" ] || fail 2 "$1 is not set"
}

[ $# -ge 1 ] && [ -n "$1" ] || fail 2 "no command given: pass it as the first argument after the script name"
COMMAND=$1

require RECIPE_ID
require PARTITION_ID
require CMD_INDEX
case $CMD_INDEX in *[!0-9]*) fail 2 "CMD_INDEX must be a whole number, got '$CMD_INDEX'" ;; esac
case $PARTITION_ID in *[!0-9]*) fail 2 "PARTITION_ID must be a whole number, got '$PARTITION_ID'" ;; esac
# OUTPUT_DIR is deleted below, so the recipe id must stay one directory below WORKFLOW_DIR.
case $RECIPE_ID in */* | . | ..) fail 2 "RECIPE_ID must be a single directory name, got '$RECIPE_ID'" ;; esac

WORKFLOW_DIR=${WORKFLOW_DIR:-/mnt/workflow}
RECIPE_DIR=$WORKFLOW_DIR/$RECIPE_ID
if [ "$CMD_INDEX" -eq 0 ]; then
    require PARTITION_MANIFEST_PATH
    INPUT_DIR=$RECIPE_DIR/inputs
else
    INPUT_DIR=$RECIPE_DIR/cmd-$((CMD_INDEX - 1))-partition-$PARTITION_ID
fi
OUTPUT_DIR=$RECIPE_DIR/cmd-$CMD_INDEX-partition-$PARTITION_ID
export INPUT_DIR OUTPUT_DIR

# Prints the manifest's entries one per line, or fails naming what is wrong with it.
read_manifest() {
    python3 - "$1" <<'PYTHON'
import json
import os
import sys

path = sys.argv[1]
try:
    with open(path, encoding="utf-8") as manifest:
        entries = json.load(manifest)
except FileNotFoundError:
    sys.exit(f"ERROR: partition manifest does not exist: {path}")
except (OSError, ValueError) as error:
    sys.exit(f"ERROR: cannot read partition manifest {path}: {error}")
if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
    sys.exit(f"ERROR: partition manifest {path} is not a JSON array of strings")
for entry in entries:
    if not entry.startswith("/") or "\n" in entry or "\0" in entry:
        sys.exit(f"ERROR: partition manifest {path} has an entry that is not an absolute path on one line: {entry!r}")
missing = [entry for entry in entries if not os.path.isfile(entry)]
if missing:
    sys.exit(f"ERROR: {len(missing)} input files of partition manifest {path} do not exist, first: {missing[0]}")
sys.stdout.write("".join(entry + "\n" for entry in entries))
PYTHON
}

processed=0

# Runs the command on one file; a failure stops the partition with the command's status.
process() {
    INPUT_FILE=$1
    OUTPUT_FILE=$OUTPUT_DIR/${1##*/}
    export INPUT_FILE OUTPUT_FILE
    echo "Processing file: $INPUT_FILE"
    command_status=0
    sh -euc "$COMMAND" 3<&- || command_status=$?
    if [ "$command_status" -ne 0 ]; then
        printf 'ERROR: command failed with exit %s on %s\n' "$command_status" "$INPUT_FILE" >&2
        exit "$command_status"
    fi
    processed=$((processed + 1))
}

if [ "$CMD_INDEX" -eq 0 ]; then
    echo "Reading partition manifest from: $PARTITION_MANIFEST_PATH"
    entries=$(read_manifest "$PARTITION_MANIFEST_PATH")
else
    [ -d "$INPUT_DIR" ] || fail 1 "Input directory does not exist: $INPUT_DIR"
fi
echo "Input directory: $INPUT_DIR"
echo "Output directory: $OUTPUT_DIR"
# A retried pod or a re-run must not see outputs of an earlier attempt (spec 10: stale cmd-*-partition-* dirs).
rm -rf "$OUTPUT_DIR"
mkdir -p "$OUTPUT_DIR"

if [ "$CMD_INDEX" -eq 0 ]; then
    # The list comes in on descriptor 3 so that a command reading stdin cannot swallow it.
    while IFS= read -r file <&3; do
        [ -n "$file" ] || continue
        process "$file"
    done 3<<ENTRIES
$entries
ENTRIES
else
    for file in "$INPUT_DIR"/*; do
        [ -f "$file" ] || continue
        process "$file"
    done
    [ "$processed" -gt 0 ] || echo "No files in input directory: $INPUT_DIR"
fi
echo "Processed $processed files"
