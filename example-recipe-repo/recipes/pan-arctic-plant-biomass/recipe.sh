# Step 1: build a virtual mosaic over all tiles. The tiles are copied along
# with the VRT because the next step only sees this step's /output_dir/
# (mounted again as /input_dir/, so the VRT's source paths stay valid).
gdalbuildvrt -resolution highest /output_dir/plant_agb_2020_p500_mosaic.vrt /input_dir/plant_agb_2020_p500_*.tif && cp /input_dir/plant_agb_2020_p500_*.tif /output_dir/
# Step 2: reproject to EPSG:3413, averaging the 30 m cells into 1 km cells.
gdalwarp -t_srs EPSG:3413 -tr 1000 1000 -tap -r average -multi -wo NUM_THREADS=ALL_CPUS -co TILED=YES -co COMPRESS=DEFLATE -co BIGTIFF=IF_SAFER /input_dir/plant_agb_2020_p500_mosaic.vrt /output_dir/plant_agb_2020_p500_1km_epsg3413.tif
# Step 3: publish as a Cloud Optimized GeoTIFF.
gdal_translate -of COG -co COMPRESS=DEFLATE -co PREDICTOR=YES -co OVERVIEW_RESAMPLING=AVERAGE /input_dir/plant_agb_2020_p500_1km_epsg3413.tif /output_dir/plant_agb_2020_p500_1km_epsg3413_cog.tif
