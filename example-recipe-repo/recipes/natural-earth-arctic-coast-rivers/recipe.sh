#!/bin/sh
# Commands run once per input file. Always quote the variables.
#
# Command 1: clip each layer to 60N-90N (in WGS84), repair geometries and
# reproject to EPSG:3413, writing one GeoPackage per input file.
ogr2ogr -f GPKG -spat -180 60 180 90 -clipsrc spat_extent -makevalid -t_srs EPSG:3413 -nlt PROMOTE_TO_MULTI -lco SPATIAL_INDEX=YES -nln "$(basename "$INPUT_FILE" .geojson)" "$OUTPUT_DIR/$(basename "$INPUT_FILE" .geojson)_arctic_3413.gpkg" "$INPUT_FILE"
# Command 2: simplify to a 250 m tolerance and convert each GeoPackage to a
# FlatGeobuf (spatially indexed, streamable over HTTP).
ogr2ogr -f FlatGeobuf -simplify 250 "$OUTPUT_DIR/$(basename "$INPUT_FILE" .gpkg).fgb" "$INPUT_FILE"
