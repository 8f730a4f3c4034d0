#!/usr/bin/env bash
# The Windows (.msi) and macOS (.dmg) packages: the same steps as installer/package.sh with each platform's
# jpackage options. Not run by the project's CI (jpackage builds a platform's package only on that platform);
# .github/workflows/package.yml runs it on those runners. Usage: installer/package-other.sh msi|dmg
set -euo pipefail
TYPE="${1:?msi or dmg}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/installer/target"
BIN="$JAVA_HOME/bin"
rm -rf "$OUT" && mkdir -p "$OUT/mods"
cp "$ROOT/app/target/athanor-app.jar" "$ROOT"/app/target/lib/*.jar "$OUT/mods/"
rm -f "$OUT"/mods/javafx-*-[0-9]*.[0-9].jar   # JavaFX's empty platform-neutral jars
MODULES="$("$BIN/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps --module-path "$OUT/mods" \
  --add-modules ALL-MODULE-PATH),jdk.security.auth"
"$BIN/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$OUT/runtime"
"$BIN/java" -Djava.awt.headless=true "$ROOT/installer/src/icon/AthanorIcon.java" "$OUT/athanor.png" 256
COMMON=(--name Athanor --app-version 0.1.0 --vendor Athanor
  --description "Desktop PostgreSQL explorer and visual query builder"
  --runtime-image "$OUT/runtime" --module-path "$OUT/mods" --module dev.athanor.app/dev.athanor.app.Main
  --java-options "--enable-native-access=javafx.graphics -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr"
  --file-associations "$ROOT/installer/src/jpackage/athanor-project.properties" --dest "$OUT")
case "$TYPE" in
  msi)
    # The icon must be .ico on Windows: converted from the PNG (e.g. with ImageMagick on the runner).
    magick "$OUT/athanor.png" "$OUT/athanor.ico"
    "$BIN/jpackage" --type msi "${COMMON[@]}" --icon "$OUT/athanor.ico" \
      --win-menu --win-menu-group Athanor --win-shortcut --win-dir-chooser --win-console \
      --win-upgrade-uuid 6f1f3c52-5a0e-4b7e-9a53-2c0b9d0f6a11
    ;;
  dmg)
    # The icon must be .icns on macOS: made with iconutil from the PNG.
    mkdir -p "$OUT/athanor.iconset"
    sips -z 256 256 "$OUT/athanor.png" --out "$OUT/athanor.iconset/icon_256x256.png" >/dev/null
    iconutil -c icns "$OUT/athanor.iconset" -o "$OUT/athanor.icns"
    "$BIN/jpackage" --type dmg "${COMMON[@]}" --icon "$OUT/athanor.icns" \
      --mac-package-identifier dev.athanor.app --mac-package-name Athanor
    ;;
  *) echo "usage: installer/package-other.sh msi|dmg" >&2; exit 2 ;;
esac
