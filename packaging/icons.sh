#!/usr/bin/env bash
# Renders the app's icon (assets/desktop/coalition-map.svg) at the hicolor
# theme's small sizes into assets/desktop/icons/NN.png, committed beside the
# 256-pixel PNG. Run again after changing the SVG. Needs ImageMagick with SVG
# support (Debian: imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
for n in 16 32 48 64 128; do
  /usr/bin/convert -background none -density 384 assets/desktop/coalition-map.svg \
    -resize "${n}x${n}" -depth 8 "assets/desktop/icons/$n.png"
done
ls -l assets/desktop/icons
