# Each non-comment line below is one workflow step (run as `sh -c`).
# Comments must start in column 0 and blank lines must be truly empty.
#
# Step 1: reproject the global lat/lon grid to NSIDC Sea Ice Polar
# Stereographic North (EPSG:3413) on a 2.5 km grid covering roughly 50N-90N.
gdalwarp -s_srs EPSG:4326 -t_srs EPSG:3413 -te -4500000 -4500000 4500000 4500000 -tr 2500 2500 -tap -r bilinear -ot Float32 -dstnodata -99999 -multi -wo NUM_THREADS=ALL_CPUS -co TILED=YES -co COMPRESS=DEFLATE -co BIGTIFF=IF_SAFER /input_dir/ETOPO_2022_v1_60s_N90W180_surface.nc /output_dir/etopo_2022_arctic_epsg3413.tif

# Step 2: rewrite as a Cloud Optimized GeoTIFF with internal overviews.
gdal_translate -of COG -co COMPRESS=DEFLATE -co PREDICTOR=FLOATING_POINT -co BLOCKSIZE=512 -co OVERVIEW_RESAMPLING=AVERAGE -co NUM_THREADS=ALL_CPUS /input_dir/etopo_2022_arctic_epsg3413.tif /output_dir/etopo_2022_arctic_epsg3413_cog.tif

# Step 3: keep the COG and write its metadata and band statistics next to it.
cp /input_dir/etopo_2022_arctic_epsg3413_cog.tif /output_dir/ && gdalinfo -json -stats /output_dir/etopo_2022_arctic_epsg3413_cog.tif > /output_dir/etopo_2022_arctic_epsg3413_cog.json
