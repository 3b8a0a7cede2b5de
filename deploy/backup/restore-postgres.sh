#!/usr/bin/env bash
# Restores a backup made by backup-postgres.sh into a FRESH installation: an empty database (created beforehand, e.g.
# `createdb gardien_restored`) and an empty data directory. Then start Gardien on them and check the ledger:
#   curl -H "Authorization: Bearer $TOKEN" https://gardien.example/api/v1/ledger/verify
#   java -jar gardien.jar verify-ledger export.jsonl --expect-checkpoint SEQUENCE:HASH   (a checkpoint noted earlier)
# Usage: restore-postgres.sh --backup DIR --database-url postgresql://USER@HOST:PORT/DB --data-dir DIR
set -euo pipefail

backup="" database_url="" data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backup) backup="$2"; shift 2 ;;
    --database-url) database_url="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$backup" ] && [ -n "$database_url" ] && [ -n "$data_dir" ] || {
  echo "usage: restore-postgres.sh --backup DIR --database-url URL --data-dir DIR" >&2; exit 2; }
for f in data-dir.tar.gz database.dump manifest.txt; do
  [ -f "$backup/$f" ] || { echo "the backup has no $f" >&2; exit 2; }
done
# The files are the ones the manifest names: a damaged or swapped file stops the restore.
for f in data-dir.tar.gz database.dump; do
  expected=$(grep "^$f sha256: " "$backup/manifest.txt" | cut -d' ' -f3)
  actual=$(sha256sum "$backup/$f" | cut -d' ' -f1)
  [ "$expected" = "$actual" ] || { echo "$f does not match the manifest" >&2; exit 1; }
done
if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ]; then
  echo "the data directory $data_dir is not empty: restore into a fresh one" >&2; exit 2
fi
mkdir -p "$data_dir"
tar -C "$data_dir" -xzf "$backup/data-dir.tar.gz"
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$database_url" "$backup/database.dump"
echo "restored into $data_dir and the database; start Gardien on them and verify the ledger"
