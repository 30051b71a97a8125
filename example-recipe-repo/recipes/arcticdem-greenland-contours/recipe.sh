# Step 1: cut Greenland out of the mosaic (already in EPSG:3413; -projwin is
# ulx uly lrx lry in map units).
gdal_translate -projwin -720000 -580000 900000 -3420000 -co TILED=YES -co COMPRESS=DEFLATE /input_dir/arcticdem_mosaic_100m_v4.1_dem.tif /output_dir/greenland_dem_100m.tif
# Step 2: 250 m contour lines with the elevation stored in attribute elev_m.
gdal_contour -a elev_m -i 250 -snodata -9999 -f GPKG -nln contours_250m /input_dir/greenland_dem_100m.tif /output_dir/greenland_contours_250m.gpkg
# Step 3: keep the contours and add a short layer summary for the zip.
cp /input_dir/greenland_contours_250m.gpkg /output_dir/ && ogrinfo -so -al /output_dir/greenland_contours_250m.gpkg > /output_dir/greenland_contours_250m_summary.txt
