#!/usr/bin/env bash
# Builds Gardien's container image without a container daemon (no Docker, no Podman needed):
#   1. the jar (mvn package);
#   2. a Java runtime cut to the modules Gardien uses (jlink: no compiler, no jlink, no jshell in the image), and the
#      C libraries that runtime links against, copied from the build machine;
#   3. Jib from an empty ("scratch") base: the runtime, the libraries, then Gardien's dependencies and classes as
#      separate layers, running as the non-root user 65532.
# Output: target/gardien-image.tar, to load with `docker load -i` or `podman load -i` (docs/container.md).
# Usage: deploy/image/build.sh [--skip-package]   (JAVA_HOME: a JDK 21 or newer with jlink)
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"

if [ "${1:-}" != "--skip-package" ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi

modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management
modules+=,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.management
modules+=,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.xml.dom,jdk.zipfs

root=target/image-root
rm -rf "$root"
mkdir -p "$root/opt" "$root/tmp" "$root/data"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$root/opt/java"
# A server has no display: the AWT window toolkit and sound are not needed, nor the X11 libraries they link.
rm -f "$root"/opt/java/lib/libawt_xawt.so "$root"/opt/java/lib/libsplashscreen.so "$root"/opt/java/lib/libjsound.so

# The C libraries the runtime links against (glibc, zlib …), at the paths the dynamic loader looks in.
libs=$({ ldd "$root/opt/java/bin/java"; find "$root/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u)
for lib in $libs; do
  case "$lib" in "$PWD/$root"/*) continue ;; esac # the runtime's own libraries are already in place
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

./mvnw -B -ntp -q jib:buildTar -Djib.outputPaths.tar=target/gardien-image.tar
echo "image: target/gardien-image.tar ($(du -h target/gardien-image.tar | cut -f1))"
