#!/usr/bin/env bash
# Backs up a Gardien installation on PostgreSQL: the data directory (keys, checkpoint log, export packages) FIRST, then
# the database. In that order the database holds every checkpoint the log names, so the restored ledger verifies; the
# other order could leave a checkpoint in the log that the dump lacks, which verification reports as a rewound ledger.
# Usage: backup-postgres.sh --database-url postgresql://USER@HOST:PORT/DB [--schema SCHEMA] --data-dir DIR --out DIR
# Writes OUT/data-dir.tar.gz, OUT/database.dump (pg_dump custom format) and OUT/manifest.txt; exits non-zero on error.
set -euo pipefail

database_url="" schema="" data_dir="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --database-url) database_url="$2"; shift 2 ;;
    --schema) schema="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$database_url" ] && [ -n "$data_dir" ] && [ -n "$out" ] || {
  echo "usage: backup-postgres.sh --database-url URL [--schema SCHEMA] --data-dir DIR --out DIR" >&2; exit 2; }
[ -d "$data_dir" ] || { echo "no data directory at $data_dir" >&2; exit 2; }
command -v pg_dump >/dev/null || { echo "pg_dump is not installed" >&2; exit 2; }

mkdir -p "$out"
# 1. Keys, checkpoint log and packages (the embedded H2 files, if any, are not part of a PostgreSQL installation). The
#    per-subject keys (subject-keys/) are left out: kept beside the dump, they would make it readable after a
#    crypto-shredding; back that folder up on its own short rotation, if at all (docs/backup.md).
tar -C "$data_dir" --exclude='*.mv.db' --exclude='*.trace.db' --exclude='./subject-keys' -czf "$out/data-dir.tar.gz" .
# 2. The database, in one consistent snapshot (pg_dump runs in a single repeatable-read transaction).
schema_args=()
[ -n "$schema" ] && schema_args=(--schema "$schema")
pg_dump --format=custom --no-owner --no-privileges "${schema_args[@]}" --file "$out/database.dump" "$database_url"
{
  echo "gardien-backup: postgresql"
  echo "taken-at: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "schema: ${schema:-<all>}"
  echo "data-dir.tar.gz sha256: $(sha256sum "$out/data-dir.tar.gz" | cut -d' ' -f1)"
  echo "database.dump sha256: $(sha256sum "$out/database.dump" | cut -d' ' -f1)"
} > "$out/manifest.txt"
echo "backup written to $out"
