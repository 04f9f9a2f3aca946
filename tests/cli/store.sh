#!/bin/sh
# The SQLite store from the command line: --db writes documents and
# records; coding the same ids again skips unchanged documents, replaces
# changed ones and never duplicates; --recode rewrites; a run killed in the
# middle leaves whole documents only.  Needs the sqlite3 shell (skip 77).
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
command -v sqlite3 > /dev/null 2>&1 || { echo "skip: no sqlite3 shell"; exit 77; }
db="$tmp/p.db"
q() { sqlite3 "$db" "$1"; }

for i in $(seq 1 50); do
  printf '{"id":"d%d","date":"2024-10-24","text":"Egypt hosted talks in Cairo. Qatar said it would help. Item %d."}\n' "$i" "$i"
done > "$tmp/feed.jsonl"
"$bin" code "$tmp/feed.jsonl" --db "$db" > /dev/null 2> "$tmp/e"; rc=$?
check "first run exit 0" "[ $rc -eq 0 ]"
check "summary: 50 written" "grep -q 'store .*: 50 written, 0 unchanged' $tmp/e"
check "50 documents" "[ \$(q 'select count(*) from documents') -eq 50 ]"
check "150 sentence records" "[ \$(q \"select count(*) from records where type='sentence'\") -eq 150 ]"
check "schema version recorded" "[ \$(q \"select value from meta where key='schema_version'\") -ge 1 ]"
check "records carry their JSON" "[ \$(q \"select count(*) from records where json like '{\\\"type\\\":%'\") -eq \$(q 'select count(*) from records') ]"
check "document columns" "[ \"\$(q \"select date||'|'||sentences from documents where id='d7'\")\" = '2024-10-24|3' ]"
before=$(q 'select count(*) from records')

# same input again: skipped, nothing duplicated
"$bin" code "$tmp/feed.jsonl" --db "$db" > /dev/null 2> "$tmp/e"
check "second run skips all 50" "grep -q '0 written, 50 unchanged and skipped' $tmp/e"
check "no duplicate records" "[ \$(q 'select count(*) from records') -eq $before ]"
# --recode rewrites them, still no duplicates
"$bin" code "$tmp/feed.jsonl" --db "$db" --recode > /dev/null 2> "$tmp/e"
check "--recode writes all 50" "grep -q '50 written, 0 unchanged' $tmp/e"
check "--recode: no duplicate records" "[ \$(q 'select count(*) from records') -eq $before ]"
# one changed document replaces its records
sed 's/"id":"d3","date":"2024-10-24","text":"[^"]*"/"id":"d3","date":"2024-10-24","text":"Short now."/' \
  "$tmp/feed.jsonl" > "$tmp/feed2.jsonl"
"$bin" code "$tmp/feed2.jsonl" --db "$db" > /dev/null 2> "$tmp/e"
check "changed document written, others skipped" "grep -q '1 written, 49 unchanged' $tmp/e"
check "changed document has its new records only" "[ \$(q \"select count(*) from records where doc='d3'\") -eq 1 ]"
check "its text is the new one" "[ \"\$(q \"select json_extract(json,'\$.text') from records where doc='d3'\")\" = 'Short now.' ]"
check "no orphan records" "[ \$(q 'select count(*) from records r left join documents d on r.doc=d.id where d.id is null') -eq 0 ]"
# the same document twice in one run: last one wins, once
printf '{"id":"dup","text":"First version."}\n{"id":"dup","text":"Second version. Two sentences."}\n' > "$tmp/dup.jsonl"
"$bin" code "$tmp/dup.jsonl" --db "$db" > /dev/null 2>&1
check "same id twice in a run: one document" "[ \$(q \"select count(*) from documents where id='dup'\") -eq 1 ]"
check "same id twice in a run: second version's records" "[ \$(q \"select count(*) from records where doc='dup'\") -eq 2 ]"

# a run killed part-way: every stored document is whole
for i in $(seq 1 30000); do
  printf '{"id":"k%d","text":"Egypt hosted talks in Cairo. Qatar said it would help."}\n' "$i"
done > "$tmp/kill.jsonl"
"$bin" code "$tmp/kill.jsonl" --db "$tmp/k.db" --quiet > /dev/null 2>&1 &
pid=$!
# wait until a first batch is committed (start-up is slow under ASan)
db="$tmp/k.db"
for i in $(seq 1 200); do
  n=$(q 'select count(*) from documents' 2> /dev/null || echo 0)
  [ "${n:-0}" -gt 0 ] && break
  sleep 0.05
done
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
nd=$(q 'select count(*) from documents' 2> /dev/null || echo 0)
echo "documents stored before the kill: $nd"
check "store readable after a kill" "q 'pragma integrity_check' | grep -qx ok"
check "every stored document has all its records" \
  "[ \$(q 'select count(*) from documents d where sentences != (select count(*) from records r where r.doc=d.id and r.type=\"sentence\")') -eq 0 ]"
check "whole batches only (multiple of 200 or all)" "[ \$(( nd % 200 )) -eq 0 ] || [ $nd -eq 30000 ]"
# and a second run completes it without duplicates
"$bin" code "$tmp/kill.jsonl" --db "$db" --quiet > /dev/null 2>&1
check "after re-running: 30000 documents" "[ \$(q 'select count(*) from documents') -eq 30000 ]"
check "after re-running: 60000 sentence records" "[ \$(q \"select count(*) from records where type='sentence'\") -eq 60000 ]"

# a store that is not a database is refused with a clear message
printf 'not a database, just some text that is long enough\n%.0s' $(seq 1 40) > "$tmp/bad.db"
"$bin" code "$tmp/feed.jsonl" --db "$tmp/bad.db" > /dev/null 2> "$tmp/e"; rc=$?
check "bad store: exit 1 and named" "[ $rc -eq 1 ] && grep -q 'bad.db' $tmp/e"
exit $fail
