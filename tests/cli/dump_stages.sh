#!/bin/sh
# --format dump prints what exists at the stage where coding stopped:
# after the token stage (no sentences yet) the tokens are listed.
set -u
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'Officials met in Cairo on Monday.\n' > "$tmp/a.txt"
fail=0
"$bin" code "$tmp/a.txt" --stop-after token --format dump > "$tmp/t" || fail=1
[ "$(grep -c '^  ' "$tmp/t")" -eq 7 ] || { echo "FAIL: token dump has not 7 tokens"; cat "$tmp/t"; fail=1; }
grep -q 'Cairo	cairo' "$tmp/t" || { echo "FAIL: token line"; fail=1; }
"$bin" code "$tmp/a.txt" --stop-after sentence --format dump > "$tmp/s" || fail=1
grep -q '^S0	Officials met' "$tmp/s" || { echo "FAIL: sentence dump"; fail=1; }
exit $fail
