#!/bin/sh
# TSV events name the resolved actor: a pronoun source ("He met ...")
# shows its antecedent's code, as the JSON writer does, never a blank.
set -u
bin=$1
out=$(printf 'President Biden visited France. He met Emmanuel Macron in Paris.\n' |
      "$bin" code --format tsv) || { echo "FAIL: code exit"; exit 1; }
echo "$out" | awk -F'\t' '$2 == 1 && $6 ~ /^04/ { n++; if ($4 == "") bad = 1 }
  END { exit !(n > 0 && !bad) }' || { echo "FAIL: blank pronoun source"; echo "$out"; exit 1; }
echo ok
