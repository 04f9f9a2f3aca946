#!/bin/sh
# CI: valgrind memcheck over a sample (issue 7): every unit test, every
# fuzz target replaying its corpus (the catalogue of odd inputs that once
# crashed or that seed the fuzzers), and `parley code` on the example
# article, a small generated corpus (JSONL, -j 2, --db), PETRARCH XML and
# a few bad inputs.  Any memory error or definite/indirect leak fails.
# usage: .ci/valgrind.sh [BUILD_DIR]   (a normal, non-sanitizer build)
set -u
cd "$(dirname "$0")/.."
b=${1:-build}
command -v valgrind > /dev/null || { echo "valgrind: not installed"; exit 1; }
VG="valgrind -q --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --track-origins=no \
  --child-silent-after-fork=yes"  # test_store forks a child that "crashes"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
run() { # name, command...: fails only on a valgrind finding (exit 99)
  name=$1; shift
  n=$((n + 1))
  $VG "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  if [ $rc -eq 99 ] || grep -q '^==[0-9]*== ' "$tmp/err"; then
    echo "valgrind: FAIL $name"; grep '^==' "$tmp/err" | head -40; fail=1
  fi
}
for t in "$b"/test_*; do
  [ -x "$t" ] && run "$(basename "$t")" "$t"
done
for f in "$b"/fuzz_*; do
  t=$(basename "$f"); t=${t#fuzz_}
  run "fuzz_$t" "$f" "tests/fuzz/corpus/$t" "fuzz/corpus/$t"
done
p=$b/parley
run "code example" "$p" code examples/ceasefire_talks.txt --date 2024-10-24 --format pretty
"$p" bench --generate 60 --seed 5 > "$tmp/c.jsonl"
run "code jsonl -j 2 --db" "$p" code -j 2 --db "$tmp/v.db" "$tmp/c.jsonl"
run "code jsonl again (skips)" "$p" code --db "$tmp/v.db" "$tmp/c.jsonl"
run "code tsv" "$p" code --format tsv "$tmp/c.jsonl"
run "code xml" "$p" code fuzz/corpus/xml/records.xml
for f in utf8_invalid_bytes.txt binary_junk.bin jsonl_wrong_types.jsonl \
         jsonl_invalid_utf8.jsonl xml_unclosed.xml quotes_only.txt; do
  run "code $f" "$p" code "tests/bad_input/$f"
done
run "code --dict" "$p" code --dict tests/bad_input/dict_actors_mixed.txt \
  examples/ceasefire_talks.txt
echo "valgrind: $n runs, $([ $fail = 0 ] && echo clean || echo FAILED)"
exit $fail
