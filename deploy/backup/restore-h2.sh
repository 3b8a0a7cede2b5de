#!/usr/bin/env bash
# Restores a backup of the embedded installation (POST /api/v1/backups wrote it under <data dir>/backups/<time>/) into
# a FRESH data directory; start Gardien with GARDIEN_DATA_DIR pointing at it, then verify the ledger (docs/backup.md).
# Usage: restore-h2.sh --backup DIR --data-dir NEW_DIR
set -euo pipefail

backup="" data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backup) backup="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$backup" ] && [ -n "$data_dir" ] || { echo "usage: restore-h2.sh --backup DIR --data-dir NEW_DIR" >&2; exit 2; }
command -v unzip >/dev/null || { echo "unzip is not installed" >&2; exit 2; }
for f in data-dir.zip database.zip manifest.txt; do
  [ -f "$backup/$f" ] || { echo "the backup has no $f" >&2; exit 2; }
done
for f in data-dir.zip database.zip; do
  expected=$(grep "^$f sha256: " "$backup/manifest.txt" | cut -d' ' -f3)
  actual=$(sha256sum "$backup/$f" | cut -d' ' -f1)
  [ "$expected" = "$actual" ] || { echo "$f does not match the manifest" >&2; exit 1; }
done
if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ]; then
  echo "the data directory $data_dir is not empty: restore into a fresh one" >&2; exit 2
fi
mkdir -p "$data_dir"
unzip -q "$backup/data-dir.zip" -d "$data_dir"
unzip -q "$backup/database.zip" -d "$data_dir"
echo "restored into $data_dir; start Gardien with GARDIEN_DATA_DIR=$data_dir and verify the ledger"
