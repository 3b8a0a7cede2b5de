#!/usr/bin/env bash
# Verifies a Gardien evidence-ledger export without Gardien, using only bash, jq, openssl 3 and coreutils.
# The format and the algorithm are described in docs/ledger-format.md; this script is the reference an auditor can
# read line by line, and it reaches the same verdict as `java -jar gardien.jar verify-ledger` (except that it does not
# read RFC 3161 timestamp tokens: see section 9 of the format document).
#
# Usage: verify-ledger.sh EXPORT.jsonl [PUBLIC_KEY.pem] [--expect-checkpoint SEQUENCE:HASH]...
#            [--checkpoint-every-entries N] [--max-batch N] [--checkpoint-every DURATION] [--time-margin DURATION]
#            [--as-of TIME]
#   PUBLIC_KEY.pem (or --public-key PUBLIC_KEY.pem) pins the checkpoint key: without it the script trusts the key lines
#   inside the export, which whoever rewrote the export could also have replaced.
#   --expect-checkpoint: a checkpoint noted at an earlier audit, which must still be there with the same head hash.
#   The schedule (defaults 1000, 500, 5m, 1m: Gardien's) is the auditor's to set; DURATION is like 30s, 5m or 1h.
#   --as-of: when the export was taken (YYYY-MM-DDTHH:MM:SS[.mmm]Z); unsigned entries older than the schedule fail.
# Prints "VALID: ..." and exits 0, or "INVALID at sequence N: reason" and exits 1.
# Exits 2 (with "cannot read the export: ..." or the usage) when the arguments, the file or a tool are unusable.
set -euo pipefail
export LC_ALL=C

readonly GENESIS_HASH=0000000000000000000000000000000000000000000000000000000000000000
readonly ENTRY_LINE_START='{"type":"entry"'
readonly USAGE="usage: verify-ledger.sh EXPORT.jsonl [PUBLIC_KEY.pem] [--expect-checkpoint SEQUENCE:HASH]... \
[--checkpoint-every-entries N] [--max-batch N] [--checkpoint-every DURATION] [--time-margin DURATION] [--as-of TIME]"

unreadable() {
    echo "cannot read the export: $*"
    exit 2
}
usage() {
    echo "$USAGE"
    exit 2
}
seconds() { # 30s, 5m, 1h -> seconds
    [[ $1 =~ ^([0-9]{1,9})([smh])$ ]] || usage
    case ${BASH_REMATCH[2]} in
        s) echo $((10#${BASH_REMATCH[1]})) ;;
        m) echo $((10#${BASH_REMATCH[1]} * 60)) ;;
        h) echo $((10#${BASH_REMATCH[1]} * 3600)) ;;
    esac
}

[[ $# -ge 1 && $1 != --* ]] || usage
export_file=$1
shift
pinned_file=""
if [[ $# -gt 0 && $1 != --* ]]; then
    pinned_file=$1
    shift
fi
every_entries=1000 max_batch=500 every_s=300 margin_s=60 as_of_ms=""
declare -A anchor_head=()
while [[ $# -gt 0 ]]; do
    [[ $# -ge 2 ]] || usage
    case $1 in
        --public-key) pinned_file=$2 ;;
        --expect-checkpoint)
            [[ $2 =~ ^([1-9][0-9]{0,17}):([0-9a-f]{64})$ ]] || usage
            anchor_head[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]} ;;
        --checkpoint-every-entries | --max-batch)
            [[ $2 =~ ^[1-9][0-9]{0,8}$ ]] || usage
            if [[ $1 == --max-batch ]]; then max_batch=$2; else every_entries=$2; fi ;;
        --checkpoint-every) every_s=$(seconds "$2") ;;
        --time-margin) margin_s=$(seconds "$2") ;;
        --as-of)
            [[ $2 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?Z$ ]] || usage
            as_of_ms=$(date -u -d "$2" +%s%3N 2>/dev/null) || usage ;;
        *) usage ;;
    esac
    shift 2
done
readonly max_gap=$((every_entries + max_batch)) late_ms=$(((every_s + margin_s) * 1000)) late_s=$((every_s + margin_s))
for tool in jq openssl sha256sum base64 sort mktemp date; do
    command -v "$tool" >/dev/null || unreadable "the tool '$tool' is not installed"
done
[[ -r $export_file && ! -d $export_file ]] || unreadable "no readable file at $export_file"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Step 1: one jq pass turns every line into a tab-separated record. Text that gets hashed or signed is built here,
# exactly as Gardien's CanonicalForm builds it, and travels base64-encoded so the shell never alters a byte of it
# (command substitution would strip trailing newlines; bash variables cannot hold every byte).
# Records: E seq prevHash hash base64(entry text) written-by-gardien recordedAt-ms
#          | C seq headHash keyId signature base64(text) signedAt-ms | K keyId base64(publicKeyPem)
# Times travel as milliseconds since 1970 ("-" when not written as Gardien writes them), for the schedule's rules.
read -r -d '' TO_RECORDS <<'JQ' || true
def fields($names; $type):
  reduce $names[] as $n (.;
    if (.[$n] | type) == $type then . else error("a \(.type) line has no \($type) field \"\($n)\"") end);
# Fields the shell compares travel as tab-separated text: "read" would merge an empty field into the next one, so an
# empty value becomes "-", which is as unequal to every hash and key id as the empty string it stands for.
def cell: if . == "" then "-" else . end;
def millis:
  if test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$")
  then (try ((.[0:19] + "Z" | fromdateiso8601) * 1000 + (.[20:23] | tonumber) | tostring) catch "-")
  else "-" end;
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
       ($raw | startswith($entry_start) | tostring), (.recordedAt | millis)]
  elif ($raw | startswith($entry_start)) then
    # Begins like an entry but is not one (a repeated "type" key): Gardien's verifier skips such a line too.
    empty
  elif .type == "checkpoint" then
    sequence_field
    | fields(["headHash", "signedAt", "keyId", "signature"]; "string")
    | ["C", (.sequence | tostring), (.headHash | cell), (.keyId | cell), (.signature | cell),
       (["gardien-checkpoint-v1", (.sequence | tostring), .headHash, .signedAt, .keyId] | join("\n") | @base64),
       (.signedAt | millis)]
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
declare -A checkpoint_head=() checkpoint_key=() checkpoint_signature=() checkpoint_text=() checkpoint_ms=() key_pem=()
while IFS=$'\t' read -r kind a b c d e f; do
    case $kind in
        C) checkpoint_head[$a]=$b checkpoint_key[$a]=$c checkpoint_signature[$a]=$d checkpoint_text[$a]=$e
           checkpoint_ms[$a]=$f ;;
        K) key_pem[$a]=$b ;;
    esac
done <"$work/records"
mapfile -t checkpoint_order < <(printf '%s\n' "${!checkpoint_head[@]}" | grep . | sort -n)

first_invalid=""
problem=""
fail() { # keeps the lowest sequence at which the ledger stops being trustworthy
    if [[ -z $first_invalid ]] || (($1 < first_invalid)); then
        first_invalid=$1
        problem=$2
    fi
}

# Step 3: entry lines that parse as entries but do not start the way Gardien writes them are refused outright.
while IFS=$'\t' read -r kind sequence _ _ _ gardien_form _; do
    if [[ $kind == E && $gardien_form != true ]]; then
        fail "$sequence" "an entry line is not in the form Gardien writes"
    fi
done <"$work/records"

# Step 4: walk the chain in file order: sequence continuity, previous-hash link, recomputed hash, signed head, and the
# schedule's time rule: entries before the first checkpoint are its batch (signed at their time); an entry recorded
# every + margin or later after the checkpoint before it must be signed by the checkpoint of its own batch.
expected=1
last_hash=$GENESIS_HASH
entries=0
next=0 # index in checkpoint_order of the first checkpoint at or after $expected
while ((next < ${#checkpoint_order[@]})) && ((checkpoint_order[next] < 1)); do next=$((next + 1)); done
previous=""
oldest_unsigned=""
while IFS=$'\t' read -r kind sequence prev_hash hash text gardien_form recorded_ms; do
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
    next_sequence=${checkpoint_order[next]:-}
    with_batch=false
    [[ -n $next_sequence && ${checkpoint_ms[$next_sequence]} == "$recorded_ms" ]] && with_batch=true
    if [[ $computed != "$hash" ]]; then
        fail "$sequence" "hash does not match the entry's content: the entry was modified"
    elif [[ -n ${checkpoint_head[$sequence]+set} && ${checkpoint_head[$sequence]} != "$computed" ]]; then
        fail "$sequence" "entry differs from the signed checkpoint: the chain was rewritten"
    elif [[ -z $previous && -n $next_sequence && $with_batch == false ]]; then
        fail "$sequence" "entry $sequence precedes the first checkpoint but was not appended in its batch: a checkpoint was removed"
    elif [[ -n $previous && $with_batch == false && $recorded_ms != - && ${checkpoint_ms[$previous]} != - ]] \
        && ((recorded_ms >= checkpoint_ms[$previous] + late_ms)); then
        fail "$sequence" "entry $sequence was recorded more than $late_s s after checkpoint $previous and no checkpoint of its batch signs it: a checkpoint was removed"
    else
        last_hash=$computed
        expected=$((expected + 1))
        if [[ -n ${checkpoint_head[$sequence]+set} ]]; then
            previous=$sequence
            next=$((next + 1))
        elif [[ -z $next_sequence && $recorded_ms != - ]]; then
            if [[ -z $oldest_unsigned ]] || ((recorded_ms < oldest_unsigned)); then
                oldest_unsigned=$recorded_ms
            fi
        fi
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
done < <(printf '%s\n' "${checkpoint_order[@]}" | grep .)

# Step 6: every checkpoint the auditor expects (noted at an earlier audit) must be there with the same head hash.
while read -r sequence; do
    if [[ -z ${checkpoint_head[$sequence]+set} ]]; then
        fail "$((sequence < expected ? sequence : expected))" "checkpoint $sequence that the previous audit recorded is missing: the ledger was truncated or its checkpoints removed"
    elif [[ ${checkpoint_head[$sequence]} != "${anchor_head[$sequence]}" ]]; then
        fail "$sequence" "checkpoint $sequence differs from the one the previous audit recorded: the chain was rewritten"
    fi
done < <(printf '%s\n' "${!anchor_head[@]}" | grep . | sort -n)

# Step 7: the schedule's count rules (only if nothing else is wrong): a non-empty chain has checkpoints, the first in
# the first batch, and no more than every-entries + max-batch entries between two of them or after the last.
count=${#checkpoint_order[@]}
if [[ -z $first_invalid ]] && ((expected > 1)); then
    if ((count == 0)); then
        fail 1 "the ledger has no signed checkpoint: its checkpoints were removed"
    elif ((checkpoint_order[0] > max_batch)); then
        fail 1 "the first checkpoint is at ${checkpoint_order[0]}, after the first batch (at most $max_batch entries): a checkpoint was removed"
    else
        for ((i = 1; i < count; i++)); do
            from=${checkpoint_order[i - 1]}
            gap=$((checkpoint_order[i] - from))
            if ((gap > max_gap)); then
                fail $((from + 1)) "$gap entries between checkpoints $from and ${checkpoint_order[i]}, more than $max_gap: a checkpoint was removed"
                break
            fi
        done
        last=${checkpoint_order[count - 1]}
        if [[ -z $first_invalid ]] && ((expected - 1 - last > max_gap)); then
            fail $((last + 1)) "$((expected - 1 - last)) entries after the last checkpoint $last, more than $max_gap: checkpoints were removed"
        fi
    fi
fi
# Step 8: with --as-of, the entries after the last checkpoint must be younger than every + margin.
if [[ -z $first_invalid && -n $as_of_ms && $count -gt 0 && -n $oldest_unsigned ]] \
    && ((oldest_unsigned + late_ms < as_of_ms)); then
    last=${checkpoint_order[count - 1]}
    fail $((last + 1)) "entries after the last checkpoint $last were recorded more than $late_s s before the time of the export and are still unsigned: checkpoints were removed"
fi

if [[ -n $first_invalid ]]; then
    echo "INVALID at sequence $first_invalid: $problem"
    exit 1
fi
echo "VALID: $entries entries, head $last_hash, $checkpoints signed checkpoints"
