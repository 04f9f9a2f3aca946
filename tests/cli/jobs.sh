#!/bin/sh
# -j 2 output equals -j 1 output byte for byte on a generated corpus
# (and on the store: same records).
set -u
bin=$1
gen() { "$bin" bench --generate "$@"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gen 400 --seed 7 > "$tmp/c.jsonl" || exit 1
"$bin" code --quiet "$tmp/c.jsonl" > "$tmp/j1" || exit 1
"$bin" code --quiet -j 2 "$tmp/c.jsonl" > "$tmp/j2" || exit 1
"$bin" code --quiet -j 3 --format tsv "$tmp/c.jsonl" > "$tmp/t3" || exit 1
"$bin" code --quiet --format tsv "$tmp/c.jsonl" > "$tmp/t1" || exit 1
fail=0
cmp -s "$tmp/j1" "$tmp/j2" || { echo "FAIL: -j 2 differs from -j 1"; fail=1; }
cmp -s "$tmp/t1" "$tmp/t3" || { echo "FAIL: -j 3 tsv differs"; fail=1; }
[ -s "$tmp/j1" ] || { echo "FAIL: no output"; fail=1; }
gen 3 --seed 7 | head -2 > "$tmp/small.jsonl"
"$bin" code --quiet -j 2 "$tmp/small.jsonl" | grep -q '"doc":"gen-1"' || { echo "FAIL: small input"; fail=1; }
"$bin" code -j 0 "$tmp/small.jsonl" 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: -j 0 accepted"; fail=1; }
exit $fail
