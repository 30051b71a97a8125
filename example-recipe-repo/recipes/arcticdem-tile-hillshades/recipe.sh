#!/bin/sh
# For the first command $INPUT_FILE is the absolute path on the mounted
# claim, e.g. /mnt/data/arctic-dem-pvc/tiles/v4/45_17/45_17_1_1_2m_v4.1_dem.tif
#
# Command 1: shaded relief (sun from the north-west, 45 degrees up).
gdaldem hillshade -z 1.5 -az 315 -alt 45 -compute_edges -co TILED=YES -co COMPRESS=DEFLATE "$INPUT_FILE" "$OUTPUT_DIR/$(basename "$INPUT_FILE" _dem.tif)_hillshade.tif"
# Command 2: convert each hillshade to a Cloud Optimized GeoTIFF, keeping its
# file name ($OUTPUT_FILE is $OUTPUT_DIR/<basename of $INPUT_FILE>).
gdal_translate -of COG -co COMPRESS=DEFLATE -co OVERVIEW_RESAMPLING=AVERAGE "$INPUT_FILE" "$OUTPUT_FILE"
