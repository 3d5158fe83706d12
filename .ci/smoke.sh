#!/usr/bin/env bash
# End-to-end smoke check: the release binary in a real X window under Xvfb.
# Takes a screenshot and checks that it shows the rendered map (sea, tinted
# countries and stance nodes), not a blank window or an error screen.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=target/release/coalition-map
OUT=${SMOKE_SCREENSHOT:-target/smoke/screenshot.png}
mkdir -p "$(dirname "$OUT")"
export XDG_RUNTIME_DIR
XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"

DISPLAY_NUM=:97
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$XDG_RUNTIME_DIR"
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUM
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

"$BIN" >target/smoke/app.log 2>&1 &
APP_PID=$!

# Wait for the window to appear, then for it to paint.
found=
for _ in $(seq 120); do
  if xwininfo -root -tree 2>/dev/null | grep -q 'Coalition Map"'; then found=1; break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "smoke: the app exited early"; cat target/smoke/app.log; exit 1; fi
  sleep 0.5
done
[ -n "$found" ] || { echo "smoke: no 'Coalition Map' window after 60 s"; cat target/smoke/app.log; exit 1; }
sleep 4
/usr/bin/import -window root "$OUT"
kill -0 "$APP_PID" 2>/dev/null || { echo "smoke: the app died while painting"; cat target/smoke/app.log; exit 1; }

# Fraction of the screen showing exactly the map's sea colour (theme::map::SEA),
# and the number of pixels in the fill colour of "Political support" (theme
# SUNSET[4], the third of six stances), which 28 nodes hold on 15 September 2014,
# the day the map opens on.
fraction() { /usr/bin/convert "$OUT" -fill black +opaque "$1" -fill white -opaque "$1" -format '%[fx:mean]' info:; }
count() { /usr/bin/convert "$OUT" -fill black +opaque "$1" -fill white -opaque "$1" -format '%[fx:round(mean*w*h)]' info:; }
sea=$(fraction '#E4ECF2')
nodes=$(count '#C2E4EF')
colours=$(/usr/bin/convert "$OUT" -format '%k' info:)
echo "smoke: sea fraction $sea, support-stance node pixels $nodes, distinct colours $colours"
awk -v s="$sea" 'BEGIN { exit !(s > 0.05 && s < 0.8) }' || { echo "smoke: the map's sea is not on screen"; exit 1; }
[ "$nodes" -gt 1000 ] || { echo "smoke: no stance nodes drawn"; exit 1; }
[ "$colours" -gt 200 ] || { echo "smoke: the window looks blank"; exit 1; }
echo "smoke: ok, screenshot at $OUT"
