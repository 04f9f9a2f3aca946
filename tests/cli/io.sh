#!/bin/sh
# Pipes and formats: stdin/stdout, '-', --format jsonl/tsv/pretty/dump,
# --input forcing the reader, progress only on a terminal, --quiet.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
ex="$root/examples/ceasefire_talks.txt"

# stdin -> stdout, and '-' means stdin
printf 'Officials met in Cairo. They talked.\n' > "$tmp/a.txt"
"$bin" code --quiet < "$tmp/a.txt" > "$tmp/o1"; rc=$?
check "stdin exit 0" "[ $rc -eq 0 ]"
check "stdin: two sentence records" "[ \$(grep -c '\"type\":\"sentence\"' $tmp/o1) -eq 2 ]"
check "stdin id is 'stdin'" "grep -q '\"doc\":\"stdin\"' $tmp/o1"
cat "$tmp/a.txt" | "$bin" code - --id story-1 --quiet > "$tmp/o2"
check "'-' reads stdin, --id names it" "grep -q '\"doc\":\"story-1\"' $tmp/o2"
"$bin" code "$tmp/a.txt" --quiet > "$tmp/o3"
check "file id defaults to the file name" "grep -q '\"doc\":\"a.txt\"' $tmp/o3"
check "stdout is only records" "! grep -qv '^{\"type\":' $tmp/o3"
"$bin" code "$tmp/a.txt" --quiet 2> "$tmp/e0" > /dev/null
check "nothing on stderr with --quiet" "[ ! -s $tmp/e0 ]"
"$bin" code "$tmp/a.txt" 2> "$tmp/e" > /dev/null
check "no progress when stderr is not a terminal" "! grep -q 'articles,' $tmp/e"

# every JSON line is valid JSON with type and doc (jq when installed)
"$bin" code "$ex" --date 2024-10-24 --quiet > "$tmp/ex.jsonl"
if command -v jq > /dev/null 2>&1; then
  jq -e 'has("type") and has("doc")' "$tmp/ex.jsonl" > /dev/null
  check "jq reads every record" "[ $? -eq 0 ]"
  n=$(jq -r 'select(.type=="sentence") | .text' "$tmp/ex.jsonl" | wc -l)
  check "jq pipeline: sentences" "[ $n -gt 5 ]"
fi

# formats
"$bin" code "$tmp/a.txt" --format jsonl --quiet | cmp -s - "$tmp/o3"
check "--format jsonl is the default" "[ $? -eq 0 ]"
"$bin" code "$ex" --date 2024-10-24 --format tsv --quiet > "$tmp/t"; rc=$?
check "--format tsv exit 0" "[ $rc -eq 0 ]"
check "tsv: 12 tab-separated columns" \
  "awk -F '\t' 'NF != 12 { bad = 1 } END { exit bad }' $tmp/t"
"$bin" code "$tmp/a.txt" --format pretty --quiet > "$tmp/p"; rc=$?
check "--format pretty exit 0" "[ $rc -eq 0 ]"
check "pretty names the document" "grep -q 'a.txt' $tmp/p"
check "pretty lists the sentences" "grep -q 'Officials met in Cairo.' $tmp/p && grep -q 'They talked.' $tmp/p"
check "pretty is not JSON" "! grep -q '^{' $tmp/p"
"$bin" code "$tmp/a.txt" --format dump --stop-after sentence --quiet > "$tmp/d"
check "--format dump with --stop-after" "grep -q '^S1' $tmp/d"
"$bin" code "$ex" --records sentence --quiet > "$tmp/r"
check "--records sentence: only sentences" "! grep -v '\"type\":\"sentence\"' $tmp/r | grep -q ."

# --input forces the reader whatever the extension
printf '{"id":"j1","text":"One met two."}\n{"id":"j2","text":"Three."}\n' > "$tmp/feed.txt"
"$bin" code "$tmp/feed.txt" --input jsonl --quiet > "$tmp/j"
check "--input jsonl on a .txt file: two documents" \
  "grep -q '\"doc\":\"j1\"' $tmp/j && grep -q '\"doc\":\"j2\"' $tmp/j"
"$bin" code "$tmp/feed.txt" --quiet > "$tmp/j2"
check "without --input a .txt file is one text article" \
  "[ \$(grep -c '\"doc\":\"feed.txt\"' $tmp/j2) -ge 1 ] && ! grep -q '\"doc\":\"j1\"' $tmp/j2"
cp "$tmp/a.txt" "$tmp/a.jsonl"
"$bin" code "$tmp/a.jsonl" --input text --quiet > "$tmp/j3"; rc=$?
check "--input text on a .jsonl file" "[ $rc -eq 0 ] && grep -q '\"doc\":\"a.jsonl\"' $tmp/j3"
cat "$tmp/feed.txt" | "$bin" code --input jsonl --quiet > "$tmp/j4"
check "--input jsonl from stdin" "cmp -s $tmp/j $tmp/j4"
printf '<Sentences>\n<Sentence date="20241024" id="x1">\n<Text>\nEgypt hosted talks.\n</Text>\n</Sentence>\n</Sentences>\n' > "$tmp/x.dat"
"$bin" code "$tmp/x.dat" --input xml --quiet > "$tmp/x"
check "--input xml" "grep -q '\"doc\":\"x1\"' $tmp/x"
"$bin" code "$tmp/a.txt" "$tmp/feed.txt" --input jsonl --quiet > /dev/null 2>&1
check "--input applies to every file (a.txt is not JSON: error, rest coded)" "[ $? -eq 0 ]"

# several files in one run, output in order
"$bin" code "$tmp/a.txt" "$tmp/a.jsonl" --input text --quiet > "$tmp/m"
grep -o '"doc":"[^"]*"' "$tmp/m" | uniq > "$tmp/order"
printf '"doc":"a.txt"\n"doc":"a.jsonl"\n' > "$tmp/want"
check "files coded in command-line order" "cmp -s $tmp/order $tmp/want"

# a closed stdout pipe stops parley quietly (no hang)
for i in $(seq 1 300); do
  printf '{"id":"p%d","text":"Officials met in Cairo on Sunday."}\n' "$i"
done > "$tmp/many.jsonl"
"$bin" code "$tmp/many.jsonl" --quiet | head -1 > "$tmp/h1"
check "works as the head of a pipe" "[ \$(wc -l < $tmp/h1) -eq 1 ]"

# progress on a terminal: script(1) gives parley a pseudo-terminal
if command -v script > /dev/null 2>&1; then
  for i in $(seq 1 600); do
    printf '{"id":"g%d","text":"Officials met in Cairo. They talked."}\n' "$i"
  done > "$tmp/g.jsonl"
  script -qec "'$bin' code '$tmp/g.jsonl' > /dev/null" /dev/null > "$tmp/tty" 2>&1
  check "progress on a terminal" "grep -q '600 articles, 1200 sentences' $tmp/tty"
  script -qec "'$bin' code '$tmp/g.jsonl' --quiet > /dev/null" /dev/null > "$tmp/tty2" 2>&1
  check "--quiet silences progress on a terminal" "! grep -q 'articles' $tmp/tty2"
fi
exit $fail
