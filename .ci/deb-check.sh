#!/usr/bin/env bash
# The Debian package, checked for real on a fresh Debian machine (as root):
# build it with cargo-deb, install it with apt-get, then
# - its menu entry passes desktop-file-validate, *.coalition files are its
#   type and it is their default application, and xdg-open on a scenario
#   under Xvfb opens the app's window on that file (.ci/desktop-check.sh
#   --installed);
# - `man coalition-map` shows the manual page;
# - the binary is stripped; sizes are printed;
# and after `apt-get purge` none of its files is left.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "deb-check: $*"; }
fail() {
  echo "deb-check: FAILED: $*" >&2
  exit 1
}

# What the checks use: the packager's tools, man, and the desktop tools (the
# desktop check installs the rest). Installed before the package, so that
# their triggers index its menu entry, file type and manual page.
need=()
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v man >/dev/null || need+=(man-db)
command -v file >/dev/null || need+=(file)
command -v xdg-mime >/dev/null || need+=(xdg-utils)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v update-desktop-database >/dev/null || need+=(desktop-file-utils)
command -v mimetype >/dev/null || need+=(libfile-mimeinfo-perl)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! cargo deb --version >/dev/null 2>&1; then
  say "installing cargo-deb"
  cargo install --locked cargo-deb@3.8.0
fi
# cargo-deb builds the release binary, strips it (the release profile keeps
# line tables for profiling), compresses the manual page and works out the
# shared libraries the binary needs.
cargo deb --locked --strip
deb=$(ls -t target/debian/coalition-map_*.deb | head -1)
[ -f "$deb" ] || fail "no package in target/debian"
say "package: $deb, $(du -h "$deb" | cut -f1)"

dpkg -s coalition-map >/dev/null 2>&1 && apt-get purge -y -qq coalition-map >/dev/null
say "apt-get install ./$deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
mapfile -t files < <(dpkg -L coalition-map | while read -r f; do [ -f "$f" ] && echo "$f"; done)
say "it installed ${#files[@]} files"

bin=/usr/bin/coalition-map
[ -x "$bin" ] || fail "no $bin"
file "$bin" | grep -q 'not stripped' && fail "$bin is not stripped: $(file "$bin")"
say "ok: $bin is stripped, $(du -h "$bin" | cut -f1) ($(stat -c %s "$bin") bytes)"
"$bin" --version | grep -q '^coalition-map ' || fail "$bin --version: $("$bin" --version 2>&1)"
[ -s /usr/share/coalition-map/examples/paris-2014.coalition ] || fail "no example scenarios"
"$bin" check /usr/share/coalition-map/examples/paris-2014.coalition >/dev/null ||
  fail "the packaged example does not check"
say "ok: the packaged example scenarios check"

page=$(man -P cat coalition-map 2>&1) || fail "man coalition-map: $page"
grep -q 'who stands where in a coalition' <<<"$page" || fail "the manual page says: $page"
grep -q 'attendance' <<<"$page" || fail "the manual page lacks the subcommands"
say "ok: man coalition-map ($(wc -l <<<"$page") lines)"

bash .ci/desktop-check.sh --installed

say "apt-get purge coalition-map"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq coalition-map >/dev/null
for f in "${files[@]}"; do
  [ ! -e "$f" ] || fail "removing the package left $f"
done
command -v coalition-map >/dev/null && fail "coalition-map is still on PATH"
say "ok: removing it left none of its ${#files[@]} files"
say "all checks passed"
