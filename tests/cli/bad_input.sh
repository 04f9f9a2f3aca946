#!/bin/sh
# Bad input gets one clear line on stderr naming the file (and line for
# record streams); a bad record is skipped and the rest coded (exit 0);
# exit 1 only when nothing at all could be coded.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
run() { "$bin" code "$@" > "$tmp/o" 2> "$tmp/e"; rc=$?; }
printf 'Officials met in Cairo.\n' > "$tmp/good.txt"

# missing file
run "$tmp/missing.txt"
check "missing: exit 1" "[ $rc -eq 1 ]"
check "missing: names the file" "grep -q 'missing.txt: cannot open: No such file' $tmp/e"
# empty files, text and JSON Lines
: > "$tmp/empty.txt"; : > "$tmp/empty.jsonl"
run "$tmp/empty.txt"
check "empty text: exit 1" "[ $rc -eq 1 ]"
check "empty text: named" "grep -q 'empty.txt: empty file' $tmp/e"
run "$tmp/empty.jsonl"
check "empty jsonl: exit 1" "[ $rc -eq 1 ]"
check "empty jsonl: named" "grep -q 'empty.jsonl: empty file' $tmp/e"
printf '\n  \n' > "$tmp/blank.jsonl"
run "$tmp/blank.jsonl"
check "blank-only jsonl: exit 1 and reported" "[ $rc -eq 1 ] && grep -q 'blank.jsonl:2: empty input' $tmp/e"
# a directory
mkdir "$tmp/dir"
run "$tmp/dir"
check "directory: exit 1, named" "[ $rc -eq 1 ] && grep -q 'dir: is a directory' $tmp/e"
# a binary file
head -c 3000 /bin/sh > "$tmp/prog.bin" 2>/dev/null || printf 'A\0B\0C\0' > "$tmp/prog.bin"
run "$tmp/prog.bin"
check "binary: exit 1" "[ $rc -eq 1 ]"
check "binary: named" "grep -q 'prog.bin: looks like a binary file' $tmp/e"
check "binary: no records" "[ ! -s $tmp/o ]"
# malformed JSON lines: reported with file:line, the rest coded
cat > "$tmp/feed.jsonl" <<'J'
{"id":"a","date":"2024-10-24","text":"Egypt hosted talks."}
{"id":"b","text":"Unclosed string}
{"id":"c","date":"2024-02-30","text":"Qatar said talks would resume."}
["not","an","object"]
{"id":"e","text":42}
{"id":"f"}
{"id":"g","date":"24 Oct 2024","text":"Israel struck Gaza."}
{"id":"h","text":"Hamas rejected the plan."}
J
run "$tmp/feed.jsonl"
check "bad records: exit 0" "[ $rc -eq 0 ]"
check "malformed JSON named with line" "grep -q 'feed.jsonl:2: malformed JSON' $tmp/e"
check "non-object named" "grep -q 'feed.jsonl:4: record is not a JSON object' $tmp/e"
check "text not a string named" "grep -q 'feed.jsonl:5: field \"text\" is not a string' $tmp/e"
check "missing text named" "grep -q 'feed.jsonl:6: record has no \"text\"' $tmp/e"
check "bad date reported with line and id" "grep -q 'feed.jsonl:3: c: bad date \"2024-02-30\"' $tmp/e"
check "bad date format reported" "grep -q 'feed.jsonl:7: g: bad date' $tmp/e"
for id in a c g h; do
  check "record $id coded" "grep -q '\"doc\":\"$id\"' $tmp/o"
done
for id in b e f; do
  check "record $id skipped" "! grep -q '\"doc\":\"$id\"' $tmp/o"
done
check "one line per problem" "[ \$(wc -l < $tmp/e) -le 7 ]"
check "summary counts" "grep -q '4 articles coded, 4 failed' $tmp/e"
# the skipped records are still reported with --quiet; warnings are not
"$bin" code "$tmp/feed.jsonl" --quiet > /dev/null 2> "$tmp/eq"
check "--quiet keeps errors" "grep -q 'feed.jsonl:2:' $tmp/eq"
check "--quiet drops coded-anyway warnings" "! grep -q 'bad date' $tmp/eq"
# every record bad: exit 1
printf '{bad\n[1]\n' > "$tmp/allbad.jsonl"
run "$tmp/allbad.jsonl"
check "all records bad: exit 1" "[ $rc -eq 1 ]"
# one bad file among good ones: the good ones are coded, exit 0
run "$tmp/missing.txt" "$tmp/good.txt" "$tmp/empty.txt"
check "mixed inputs: exit 0" "[ $rc -eq 0 ]"
check "mixed inputs: good file coded" "grep -q '\"doc\":\"good.txt\"' $tmp/o"
check "mixed inputs: both bad files named" "grep -q missing.txt $tmp/e && grep -q empty.txt $tmp/e"
# invalid UTF-8 and NULs in a JSON string are data, not errors
printf '{"id":"u","text":"Caf\\u00e9 \\u0000 talks \\ud800 resumed."}\n' > "$tmp/u.jsonl"
printf 'Talks \377\376 resumed in Doha.\n' > "$tmp/u.txt"
run "$tmp/u.jsonl" "$tmp/u.txt"
check "odd bytes are coded" "[ $rc -eq 0 ] && grep -q '\"doc\":\"u\"' $tmp/o && grep -q '\"doc\":\"u.txt\"' $tmp/o"
# a UTF-8 BOM before the first JSON line, an ISO timestamp as the date
printf '\357\273\277{"id":"bom","date":"2024-10-24T09:30:00Z","text":"Talks resumed."}\n' > "$tmp/bom.jsonl"
run "$tmp/bom.jsonl"
check "BOM and timestamp: coded, no complaint" "[ $rc -eq 0 ] && grep -q '\"doc\":\"bom\"' $tmp/o && [ ! -s $tmp/e ]"
# UTF-16 text gets a hint
printf '\377\376H\000i\000.\000' > "$tmp/w16.txt"
run "$tmp/w16.txt"
check "UTF-16: exit 1 with a hint" "[ $rc -eq 1 ] && grep -q 'w16.txt: looks like UTF-16 text' $tmp/e"
# a PETRARCH XML record without <Text> is named with its line
printf '<Sentences>\n<Sentence id="s1" date="20241024">\n</Sentence>\n<Sentence id="s2" date="20241024"><Text>Egypt hosted talks.</Text></Sentence>\n' > "$tmp/p.xml"
run "$tmp/p.xml"
check "xml: bad record named, rest coded" "[ $rc -eq 0 ] && grep -q 'p.xml:2: record s1 has no <Text>' $tmp/e && grep -q '\"doc\":\"s2\"' $tmp/o"
# an article over --max-bytes: reported, its head coded
awk 'BEGIN { for (i = 0; i < 400; i++) printf "Officials met in Cairo. " }' > "$tmp/big.txt"
run "$tmp/big.txt" --max-bytes 1000
check "too big: exit 0, reported, head coded" "[ $rc -eq 0 ] && grep -q 'big.txt: big.txt: article longer than the limit' $tmp/e && grep -q sentence $tmp/o"
exit $fail
