#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (a maintained packager from
# crates.io): target/debian/coalition-map_<version>-1_<arch>.deb, holding the
# stripped binary, the menu entry, the icons, the *.coalition file type, the
# manual page (generated from the command line's own definition), the
# example scenarios and the user guide. What goes where is in Cargo.toml,
# [package.metadata.deb].
#
# Usage: packaging/deb.sh        (installs cargo-deb first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deb --version >/dev/null 2>&1; then
  echo "deb: installing cargo-deb"
  cargo install --locked cargo-deb@3.8.0
fi

cargo build --release --locked
mkdir -p target/packaging
# The manual page and the menu entry, made from what the app itself knows.
target/release/coalition-map manpage | gzip -9n > target/packaging/coalition-map.1.gz
sed 's|@EXEC@|coalition-map|' assets/desktop/coalition-map.desktop > target/packaging/coalition-map.desktop
# cargo-deb strips the binary (the release profile keeps line tables for
# profiling) and works out the shared libraries it needs.
cargo deb --no-build --locked --strip
ls -l target/debian/*.deb
