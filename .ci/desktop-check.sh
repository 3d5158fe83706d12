#!/usr/bin/env bash
# Desktop integration check, for CI on a fresh Debian machine (as root): the
# release binary installs its menu entry, file type and icon; xdg-mime then
# knows `*.coalition` files and their default application; `xdg-open` on a
# scenario under Xvfb starts Coalition Map on that file; uninstalling removes
# the entry again.
#
# Usage: .ci/desktop-check.sh [BINARY]   (default target/release/coalition-map)
#        .ci/desktop-check.sh --installed   (the Debian package installed it
#        system-wide: check that, and install or remove nothing)
# Builds nothing. Everything happens under a private HOME, XDG_DATA_HOME and
# XDG_CONFIG_HOME in a temporary directory, on its own X display.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "desktop-check: $*"; }
fail() {
  echo "desktop-check: FAILED: $*" >&2
  exit 1
}
indent() { while IFS= read -r line; do echo "  | $line"; done; }

INSTALLED_BY_PACKAGE=
if [ "${1:-}" = --installed ]; then
  INSTALLED_BY_PACKAGE=1
  shift
  set -- /usr/bin/coalition-map
fi
BIN=${1:-target/release/coalition-map}
[[ -f $BIN && -x $BIN ]] || fail "no executable at $BIN (build it first: cargo build --release)"
BIN=$(realpath "$BIN")
case "$BIN" in
  *[[:space:]]*) say "warning: $BIN has a space in it; Debian 12's xdg-open cannot run a quoted Exec line" ;;
esac

# --- Debian packages --------------------------------------------------------
# xdg-mime's generic mode asks `mimetype` (libfile-mimeinfo-perl) for a file's
# type; without it, it falls back to file(1), which knows nothing of
# *.coalition. The app's window needs xkbcommon and Mesa's software renderer.
need=()
command -v xdg-mime >/dev/null && command -v xdg-open >/dev/null || need+=(xdg-utils)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v update-desktop-database >/dev/null && command -v desktop-file-validate >/dev/null ||
  need+=(desktop-file-utils)
command -v mimetype >/dev/null || need+=(libfile-mimeinfo-perl)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null && command -v xprop >/dev/null && command -v xdpyinfo >/dev/null ||
  need+=(x11-utils)
dpkg -s libxkbcommon-x11-0 >/dev/null 2>&1 || need+=(libxkbcommon-x11-0)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri libegl-mesa0)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- A private, generic desktop session --------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/desktop-check.XXXXXX")
export HOME=$WORK/home
export XDG_DATA_HOME=$HOME/.local/share
export XDG_CONFIG_HOME=$HOME/.config
export XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=$WORK/runtime
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# No desktop environment: xdg-open's generic mode looks the type's default up
# with xdg-mime and runs the desktop entry's Exec line itself.
unset DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID \
  MATE_DESKTOP_SESSION_ID LXQT_SESSION_CONFIG DBUS_SESSION_BUS_ADDRESS BROWSER DISPLAY \
  WAYLAND_DISPLAY XDG_DATA_DIRS XDG_CONFIG_DIRS
export XDG_CURRENT_DESKTOP=X-Generic

DISPLAY_NUM=:95
XVFB_PID=
OPEN_PID=
cleanup() {
  if [ -n "$OPEN_PID" ]; then
    kill -TERM -- "-$OPEN_PID" 2>/dev/null || true
    sleep 0.5
    kill -KILL -- "-$OPEN_PID" 2>/dev/null || true
  fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DATA=$XDG_DATA_HOME
[ -z "$INSTALLED_BY_PACKAGE" ] || DATA=/usr/share
DESKTOP_FILE=$DATA/applications/coalition-map.desktop
INSTALLED=(
  "$DESKTOP_FILE"
  "$DATA/mime/packages/coalition-map.xml"
  "$DATA/icons/hicolor/256x256/apps/coalition-map.png"
  "$DATA/icons/hicolor/scalable/apps/coalition-map.svg"
)
mkdir -p "$WORK/scenarios"
FILE="$WORK/scenarios/some scenario.coalition"
cp assets/scenarios/paris-2014.coalition "$FILE"

# --- Install -----------------------------------------------------------------
if [ -z "$INSTALLED_BY_PACKAGE" ]; then
  say "installing with $BIN --install-desktop"
  status=0
  output=$("$BIN" --install-desktop 2>&1) || status=$?
  [ -z "$output" ] || indent <<<"$output"
  [ "$status" -eq 0 ] || fail "$BIN --install-desktop exited with status $status"
fi
for f in "${INSTALLED[@]}"; do
  [ -s "$f" ] || fail "$f is missing"
done
say "ok: the entry, the MIME package and both icons are in $DATA"

exec_line=$(grep '^Exec=' "$DESKTOP_FILE") || fail "no Exec line in $DESKTOP_FILE"
if [ -n "$INSTALLED_BY_PACKAGE" ]; then
  # The package's entry runs the program from PATH.
  [ "$exec_line" = "Exec=coalition-map %f" ] || fail "the package's Exec line is $exec_line"
else
  [[ "$exec_line" == *"$BIN"*" %f" ]] || fail "the Exec line does not run $BIN on %f: $exec_line"
fi
say "ok: $exec_line"
# Hints are fine (Education;Science; is two main categories, on purpose).
if ! validation=$(desktop-file-validate "$DESKTOP_FILE" 2>&1) || grep -Eq 'error:|warning:' <<<"$validation"; then
  fail "desktop-file-validate rejects the entry: $validation"
fi
say "ok: desktop-file-validate accepts the entry"
[ -z "$validation" ] || indent <<<"$validation"

# --- xdg-mime ----------------------------------------------------------------
type=$(xdg-mime query filetype "$FILE" 2>&1) || fail "xdg-mime query filetype failed: $type"
[ "$type" = application/x-coalition-map ] ||
  fail "xdg-mime query filetype says '$type', not application/x-coalition-map"
say "ok: xdg-mime query filetype -> $type"
default=$(xdg-mime query default application/x-coalition-map 2>&1) ||
  fail "xdg-mime query default failed: $default"
[ "$default" = coalition-map.desktop ] ||
  fail "xdg-mime query default application/x-coalition-map says '$default', not coalition-map.desktop"
say "ok: xdg-mime query default application/x-coalition-map -> $default"

# --- xdg-open under Xvfb -----------------------------------------------------
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=$DISPLAY_NUM
for _ in $(seq 50); do
  xdpyinfo >/dev/null 2>&1 && break
  sleep 0.2
done
xdpyinfo >/dev/null 2>&1 || fail "Xvfb did not start on $DISPLAY_NUM: $(cat "$WORK/xvfb.log")"

say "xdg-open '$FILE' on $DISPLAY_NUM"
# Its own process group (setsid), so that cleanup ends xdg-open and the app.
(cd "$WORK" && exec setsid xdg-open "$FILE") >"$WORK/open.log" 2>&1 &
OPEN_PID=$!

window=
for _ in $(seq 120); do
  window=$(xwininfo -root -tree 2>/dev/null | grep -m1 '"[^"]*Coalition Map[^"]*"' || true)
  [ -n "$window" ] && break
  if ! kill -0 "$OPEN_PID" 2>/dev/null; then
    status=0
    wait "$OPEN_PID" || status=$?
    fail "xdg-open exited (status $status) before a window appeared; it said: $(cat "$WORK/open.log")"
  fi
  sleep 0.5
done
[ -n "$window" ] || fail "no 'Coalition Map' window within 60 s; xdg-open said: $(cat "$WORK/open.log")"
window_id=$(awk '{print $1}' <<<"$window")
title=$(sed -n 's/^ *0x[0-9a-f]* \("[^"]*"\).*/\1/p' <<<"$window")
say "ok: window $window_id, titled $title"
# Once the file is read, the title names it ("some scenario.coalition - Coalition Map").
base=$(basename "$FILE")
name=
for _ in $(seq 60); do
  name=$(xprop -id "$window_id" _NET_WM_NAME 2>/dev/null | sed -n 's/^_NET_WM_NAME([^)]*) = //p')
  [[ "$name" == *"$base"* ]] && break
  sleep 0.5
done
[[ "$name" == *"$base"* ]] || fail "the window's title is $name, without the file's name $base"
say "ok: the window's title names the file: $name"
# Docks match windows to the entry by WM_CLASS and StartupWMClass: a note only.
wm_class=$(xprop -id "$window_id" WM_CLASS 2>/dev/null | sed -n 's/^WM_CLASS(STRING) = //p')
startup_class=$(sed -n 's/^StartupWMClass=//p' "$DESKTOP_FILE")
[[ "$wm_class" == *"\"$startup_class\""* ]] ||
  say "note: WM_CLASS $wm_class does not match StartupWMClass=$startup_class"

# The process behind the window: its _NET_WM_PID, else the app in xdg-open's
# session.
app_pid=$(xprop -id "$window_id" _NET_WM_PID 2>/dev/null | sed -n 's/^_NET_WM_PID(CARDINAL) = \([0-9]*\)$/\1/p')
if [ -z "$app_pid" ]; then
  app_pid=$(ps -o pid=,args= --sid "$OPEN_PID" | awk 'index($0, "coalition-map") { print $1; exit }')
fi
[ -n "$app_pid" ] || fail "cannot find the process that owns the window"
args=$(ps -o args= -p "$app_pid") || fail "process $app_pid is gone"
say "ok: process $app_pid: $args"
[[ "$args" == *"$FILE"* ]] || fail "the app's command line does not have the file in it: $args"
say "ok: the app was started on $FILE"

kill -TERM -- "-$OPEN_PID" 2>/dev/null || true
for _ in $(seq 20); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.25
done
kill -KILL -- "-$OPEN_PID" 2>/dev/null || true
OPEN_PID=

# --- Uninstall ---------------------------------------------------------------
if [ -n "$INSTALLED_BY_PACKAGE" ]; then
  say "all checks passed (the package's removal is the caller's to check)"
  exit 0
fi
say "uninstalling with $BIN --uninstall-desktop"
status=0
output=$("$BIN" --uninstall-desktop 2>&1) || status=$?
[ -z "$output" ] || indent <<<"$output"
[ "$status" -eq 0 ] || fail "$BIN --uninstall-desktop exited with status $status"
for f in "${INSTALLED[@]}"; do
  [ ! -e "$f" ] || fail "--uninstall-desktop left $f"
done
type=$(xdg-mime query filetype "$FILE" 2>&1) || fail "xdg-mime query filetype failed: $type"
[ "$type" != application/x-coalition-map ] || fail "xdg-mime still knows application/x-coalition-map"
say "ok: the files are gone and *.coalition is $type again"
say "all checks passed"
