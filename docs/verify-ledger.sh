#!/usr/bin/env bash
# Verifies a Gardien evidence-ledger export without Gardien, using only bash, jq, openssl 3 and coreutils.
# The format and the algorithm are described in docs/ledger-format.md; this script is the reference an auditor can
# read line by line, and it reaches the same verdict as `java -jar gardien.jar verify-ledger`.
#
# Usage: verify-ledger.sh EXPORT.jsonl [PUBLIC_KEY.pem]
#   PUBLIC_KEY.pem pins the checkpoint key: without it the script trusts the key lines inside the export, which whoever
#   rewrote the export could also have replaced.
# Prints "VALID: ..." and exits 0, or "INVALID at sequence N: reason" and exits 1.
# Exits 2 (with "cannot read the export: ...") when the arguments, the file or a tool are unusable.
set -euo pipefail
export LC_ALL=C

readonly GENESIS_HASH=0000000000000000000000000000000000000000000000000000000000000000
readonly ENTRY_LINE_START='{"type":"entry"'

unreadable() {
    echo "cannot read the export: $*"
    exit 2
}

[[ $# -eq 1 || $# -eq 2 ]] || { echo "usage: verify-ledger.sh EXPORT.jsonl [PUBLIC_KEY.pem]"; exit 2; }
export_file=$1
pinned_file=${2:-}
for tool in jq openssl sha256sum base64 sort mktemp; do
    command -v "$tool" >/dev/null || unreadable "the tool '$tool' is not installed"
done
[[ -r $export_file && ! -d $export_file ]] || unreadable "no readable file at $export_file"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Step 1: one jq pass turns every line into a tab-separated record. Text that gets hashed or signed is built here,
# exactly as Gardien's CanonicalForm builds it, and travels base64-encoded so the shell never alters a byte of it
# (command substitution would strip trailing newlines; bash variables cannot hold every byte).
# Records: E seq prevHash hash base64(entry text) written-by-gardien | C seq headHash keyId signature base64(text)
#          | K keyId base64(publicKeyPem)
read -r -d '' TO_RECORDS <<'JQ' || true
def fields($names; $type):
  reduce $names[] as $n (.;
    if (.[$n] | type) == $type then . else error("a \(.type) line has no \($type) field \"\($n)\"") end);
# Fields the shell compares travel as tab-separated text: "read" would merge an empty field into the next one, so an
# empty value becomes "-", which is as unequal to every hash and key id as the empty string it stands for.
def cell: if . == "" then "-" else . end;
def sequence_field:
  fields(["sequence"]; "number")
  | if .sequence == (.sequence | floor) and .sequence < 9007199254740992 then .
    else error("a sequence is not an integer jq can represent exactly") end;

. as $raw
| select(test("\\S"))
| (try fromjson catch error("a line is not JSON"))
| if type != "object" then error("a line is not a JSON object") else . end
| if .type == "entry" then
    sequence_field
    | fields(["eventId", "recordedAt", "occurredAt", "actorKind", "actorId", "action", "objectType", "objectId",
              "payload", "prevHash", "hash"]; "string")
    | ["E", (.sequence | tostring), (.prevHash | cell), (.hash | cell),
       (["gardien-ledger-v1", .prevHash, (.sequence | tostring), .eventId, .recordedAt, .occurredAt, .actorKind,
         .actorId, .action, .objectType, .objectId, .payload] | join("\n") | @base64),
       ($raw | startswith($entry_start) | tostring)]
  elif ($raw | startswith($entry_start)) then
    # Begins like an entry but is not one (a repeated "type" key): Gardien's verifier skips such a line too.
    empty
  elif .type == "checkpoint" then
    sequence_field
    | fields(["headHash", "signedAt", "keyId", "signature"]; "string")
    | ["C", (.sequence | tostring), (.headHash | cell), (.keyId | cell), (.signature | cell),
       (["gardien-checkpoint-v1", (.sequence | tostring), .headHash, .signedAt, .keyId] | join("\n") | @base64)]
  elif .type == "key" then
    fields(["keyId", "publicKeyPem"]; "string")
    | ["K", (.keyId | cell), (.publicKeyPem | @base64 | cell)]
  else error("a line has an unknown type") end
| @tsv
JQ
if ! jq -rR --arg entry_start "$ENTRY_LINE_START" "$TO_RECORDS" "$export_file" >"$work/records" 2>"$work/jq.err"; then
    unreadable "$(tail -n 1 "$work/jq.err")"
fi

# Step 2: the checkpoints and public keys (written after the entries), as Gardien's verifier reads them first.
declare -A checkpoint_head=() checkpoint_key=() checkpoint_signature=() checkpoint_text=() key_pem=()
while IFS=$'\t' read -r kind a b c d e; do
    case $kind in
        C) checkpoint_head[$a]=$b checkpoint_key[$a]=$c checkpoint_signature[$a]=$d checkpoint_text[$a]=$e ;;
        K) key_pem[$a]=$b ;;
    esac
done <"$work/records"

first_invalid=""
problem=""
fail() { # keeps the lowest sequence at which the ledger stops being trustworthy
    if [[ -z $first_invalid ]] || (($1 < first_invalid)); then
        first_invalid=$1
        problem=$2
    fi
}

# Step 3: entry lines that parse as entries but do not start the way Gardien writes them are refused outright.
while IFS=$'\t' read -r kind sequence _ _ _ gardien_form; do
    if [[ $kind == E && $gardien_form != true ]]; then
        fail "$sequence" "an entry line is not in the form Gardien writes"
    fi
done <"$work/records"

# Step 4: walk the chain in file order: sequence continuity, previous-hash link, recomputed hash, signed head.
expected=1
last_hash=$GENESIS_HASH
entries=0
while IFS=$'\t' read -r kind sequence prev_hash hash text gardien_form; do
    [[ $kind == E && $gardien_form == true ]] || continue
    entries=$((entries + 1))
    [[ -z $first_invalid ]] || continue
    if [[ $sequence != "$expected" ]]; then
        fail "$expected" "found sequence $sequence where $expected was expected: an entry was deleted, inserted or reordered"
        continue
    fi
    if [[ $prev_hash != "$last_hash" ]]; then
        fail "$sequence" "previous hash does not match the preceding entry: an entry was inserted or reordered"
        continue
    fi
    computed=$(base64 -d <<<"$text" | sha256sum)
    computed=${computed%% *}
    if [[ $computed != "$hash" ]]; then
        fail "$sequence" "hash does not match the entry's content: the entry was modified"
    elif [[ -n ${checkpoint_head[$sequence]+set} && ${checkpoint_head[$sequence]} != "$computed" ]]; then
        fail "$sequence" "entry differs from the signed checkpoint: the chain was rewritten"
    else
        last_hash=$computed
        expected=$((expected + 1))
    fi
done <"$work/records"

# Step 5: every checkpoint must carry a valid Ed25519 signature by a key whose id matches (and, when pinned, by the
# pinned key), and must not refer to entries beyond the end of the chain (truncation).
der_sha256() { # SHA-256 of the DER SubjectPublicKeyInfo of an Ed25519 PEM public key; fails for anything else
    openssl pkey -pubin -in "$1" -noout -text 2>/dev/null | head -n 1 | grep -q '^ED25519 Public-Key' || return 1
    local digest
    digest=$(openssl pkey -pubin -in "$1" -outform DER 2>/dev/null | sha256sum) || return 1
    echo "${digest%% *}"
}
pinned_sha256=""
if [[ -n $pinned_file ]]; then
    [[ -r $pinned_file ]] || unreadable "no readable public key at $pinned_file"
    pinned_sha256=$(der_sha256 "$pinned_file") || unreadable "$pinned_file is not an Ed25519 public key (PEM)"
fi

signature_valid() {
    local sequence=$1 key_id=${checkpoint_key[$1]}
    [[ -n ${key_pem[$key_id]+set} ]] || return 1
    base64 -d <<<"${key_pem[$key_id]}" >"$work/key.pem" 2>/dev/null || return 1
    local key_sha256
    key_sha256=$(der_sha256 "$work/key.pem") || return 1
    [[ ${key_sha256:0:16} == "$key_id" ]] || return 1
    [[ -z $pinned_sha256 || $key_sha256 == "$pinned_sha256" ]] || return 1
    base64 -d <<<"${checkpoint_text[$sequence]}" >"$work/message" || return 1
    base64 -d <<<"${checkpoint_signature[$sequence]}" >"$work/signature" 2>/dev/null || return 1
    openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/message" -sigfile "$work/signature" \
        >/dev/null 2>&1
}

checkpoints=0
while read -r sequence; do
    checkpoints=$((checkpoints + 1))
    if ! signature_valid "$sequence"; then
        fail "$sequence" "checkpoint signature is invalid or made with an untrusted key"
    elif ((sequence >= expected)) && [[ -z $first_invalid ]]; then
        fail "$expected" "checkpoint $sequence refers to entries that are missing: the ledger was truncated"
    fi
done < <(printf '%s\n' "${!checkpoint_head[@]}" | grep . | sort -n)

if [[ -n $first_invalid ]]; then
    echo "INVALID at sequence $first_invalid: $problem"
    exit 1
fi
echo "VALID: $entries entries, head $last_hash, $checkpoints signed checkpoints"
