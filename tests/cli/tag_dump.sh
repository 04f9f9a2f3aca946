#!/bin/sh
# Golden test of the lexical layer: `parley code --format dump --stop-after
# tag` on tests/spec/tag_input.txt must print tests/spec/tag_dump.golden
# (tag, token, lemma per line).  After an intended tagger change, regenerate:
#   build/parley code tests/spec/tag_input.txt --format dump --stop-after tag \
#     > tests/spec/tag_dump.golden
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" code "$root/tests/spec/tag_input.txt" --format dump --stop-after tag \
  > "$tmp/out" || { echo "FAIL: parley exited $?"; exit 1; }
if ! diff -u "$root/tests/spec/tag_dump.golden" "$tmp/out"; then
  echo "FAIL: tag dump differs from tests/spec/tag_dump.golden"
  exit 1
fi
exit 0
