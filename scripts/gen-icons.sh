#!/bin/sh
# Regenerates the placeholder application icons in src-tauri/icons with ImageMagick.
# tauri::generate_context!() needs these files at build time, and Tauri wants RGBA PNGs,
# hence the PNG32: prefix. Run from the repository root: sh scripts/gen-icons.sh
set -eu
out=src-tauri/icons
mkdir -p "$out"
base="$out/icon.png"
convert -size 512x512 xc:none \
  -fill '#1f4e79' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill white -font DejaVu-Sans-Bold -pointsize 340 -gravity center -annotate +0+10 'Q' \
  "PNG32:$base"
convert "$base" -resize 32x32 "PNG32:$out/32x32.png"
convert "$base" -resize 128x128 "PNG32:$out/128x128.png"
convert "$base" -resize 256x256 "PNG32:$out/128x128@2x.png"
echo "icons written to $out"
