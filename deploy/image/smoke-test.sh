#!/usr/bin/env bash
# Checks the image that build.sh wrote without a container runtime: unpacks its layers into a directory, checks that
# no build tool or shell is in them, then starts the image's entrypoint there as a container would (chroot, the image's
# non-root user and environment, the image's files read-only, a /data volume, a tmpfs on /tmp) and waits for the
# readiness probe. Needs root (chroot, mounts), python3 and curl.
# Usage: deploy/image/smoke-test.sh [target/gardien-image.tar]
set -euo pipefail
cd "$(dirname "$0")/../.."
image="${1:-target/gardien-image.tar}"
work=$(mktemp -d)
rootfs="$work/rootfs"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  for mounted in proc dev tmp data; do umount "$rootfs/$mounted" 2>/dev/null || true; done
  umount "$rootfs" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/image" "$rootfs"
tar -C "$work/image" -xf "$image"
python3 - "$work/image" "$rootfs" <<'PY'
import json, sys, tarfile, os
image, rootfs = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
for layer in manifest["Layers"]:
    with tarfile.open(os.path.join(image, layer)) as t:
        try:
            t.extractall(rootfs, filter="fully_trusted")  # our own image: keep its modes (/tmp 777)
        except TypeError:  # a Python without extraction filters (before 3.11.4 / 3.12) keeps the modes anyway
            t.extractall(rootfs)
config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
with open(os.path.join(image, "..", "entrypoint"), "w") as f:
    f.write("\0".join(config["Entrypoint"]))
with open(os.path.join(image, "..", "env"), "w") as f:
    f.write("\0".join(config.get("Env", [])))
with open(os.path.join(image, "..", "user"), "w") as f:
    f.write(config["User"])
PY

tools=$(find "$rootfs" \( -name javac -o -name jlink -o -name jshell -o -name jar -o -name mvn -o -name 'mvnw' \
  -o -name gcc -o -name cc -o -name make -o -name git -o -name apt -o -name dpkg -o -name sh -o -name bash \) -print)
if [ -n "$tools" ]; then
  echo "image smoke test: build tools or shells found in the image layers:" >&2
  echo "$tools" >&2
  exit 1
fi
user=$(cat "$work/user")
[ "${user%%:*}" != "0" ] && [ "${user%%:*}" != "root" ] || { echo "image smoke test: the image runs as root" >&2; exit 1; }

# As a cluster runs it: the image's files read-only, /data a volume owned by the image's user, /tmp a tmpfs.
mkdir -p "$rootfs/proc" "$rootfs/dev" "$work/volume"
chown "$user" "$work/volume"
mount --bind "$rootfs" "$rootfs"
mount -o remount,bind,ro "$rootfs"
mount -t proc proc "$rootfs/proc"
mount --bind /dev "$rootfs/dev"
mount -t tmpfs -o mode=1777 tmpfs "$rootfs/tmp"
mount --bind "$work/volume" "$rootfs/data"
if touch "$rootfs/opt/written" 2>/dev/null; then
  echo "image smoke test: the image's files should be read-only here" >&2; exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mapfile -d '' -t entrypoint < "$work/entrypoint"
mapfile -d '' -t environment < "$work/env"
chroot_bin=$(command -v chroot)
env -i "${environment[@]}" SERVER_PORT="$port" GARDIEN_BOOTSTRAP_PASSWORD=image-smoke-test-passphrase \
  "$chroot_bin" --userspec="$user" "$rootfs" "${entrypoint[@]}" >"$work/gardien.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
    [ -f "$work/volume/keys/ledger-ed25519.pub" ] || { echo "image smoke test: no keys in the /data volume" >&2; exit 1; }
    echo "image smoke test: ready on port $port as user $user on a read-only root; keys in the /data volume; no build tools in $(python3 -c "import json;print(len(json.load(open('$work/image/manifest.json'))[0]['Layers']))") layers"
    curl -fsS -o /dev/null "http://127.0.0.1:$port/privacy" && echo "image smoke test: /privacy served"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "image smoke test: Gardien did not become ready; its log:" >&2
tail -50 "$work/gardien.log" >&2
exit 1
