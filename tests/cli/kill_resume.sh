#!/bin/sh
# Store durability (issue 7): `parley code --db` is SIGKILLed at random
# points (deterministic seeds) while it codes a large generated corpus,
# re-started each time, then run to completion.  Afterwards the store must
# equal an uninterrupted run: every document exactly once, every record
# exactly once (same JSON as `parley code` writes to stdout), sentences
# column = sentence records, no orphans; an integrity check after every
# kill; documents already stored unchanged are skipped (the counts the
# command prints say so) unless --recode.
# usage: kill_resume.sh PARLEY_BINARY [REPO_ROOT]
set -u
bin=$1
command -v sqlite3 > /dev/null 2>&1 || { echo "skip: no sqlite3 shell"; exit 77; }
n=3000
case $bin in *asan*) n=800 ;; esac  # ASan/UBSan code about 5x slower
# tmpfs when there is one: a SIGKILL loses no page cache, so a RAM disk
# tests the same thing without waiting on a slow shared disk
if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=$(mktemp -d -p /dev/shm)
else tmp=$(mktemp -d); fi
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
db=$tmp/k.db
q() { sqlite3 "$db" "$1"; }

"$bin" bench --generate $n --seed 42 > "$tmp/c.jsonl" || { echo "FAIL: generator"; exit 1; }
# the reference: every record of an uninterrupted run, as JSON lines
"$bin" code -j 2 --quiet "$tmp/c.jsonl" | sort > "$tmp/ref" || exit 1
nref=$(wc -l < "$tmp/ref")

# whole documents only: a stored document has all its sentence records
partial() {
  q "select count(*) from documents d where sentences !=
     (select count(*) from records r where r.doc = d.id and r.type = 'sentence')"
}
orphans() {
  q "select count(*) from records r left join documents d on r.doc = d.id
     where d.id is null"
}

stored() { q 'select count(*) from documents' 2> /dev/null || echo 0; }
round=0; kills=0; prev=0
for seed in 3 17 29 41 57 73 89 97; do
  round=$((round + 1))
  # deterministic "random" kill points: odd rounds by time alone (start-up,
  # dictionary load, the first batch), even rounds once the store has grown
  # by a random number of documents, plus a random delay (mid-batch,
  # during a commit)
  set -- $(awk -v s=$seed -v n=$n 'BEGIN { srand(s);
    printf "%.2f %d %.2f", 0.05 + rand(), 1 + int(rand() * n / 5), rand() * 1.5 }')
  early=$1 grow=$2 late=$3
  "$bin" code "$tmp/c.jsonl" --db "$db" --quiet > /dev/null 2>&1 &
  pid=$!
  if [ $((round % 2)) -eq 1 ]; then
    sleep "$early"; how="after ${early}s"
  else
    want=$((prev + grow)); t=0
    while [ "$(stored)" -lt $want ] && [ $t -lt 1200 ] && kill -0 $pid 2> /dev/null; do
      sleep 0.05; t=$((t + 1))
    done
    sleep "$late"; how="at >= $want documents + ${late}s"
  fi
  kill -9 $pid 2> /dev/null && kills=$((kills + 1))
  wait $pid 2> /dev/null
  [ -f "$db" ] || { echo "round $round: killed $how, no store yet"; continue; }
  nd=$(stored)
  echo "round $round: killed $how, $nd documents stored"
  check "round $round: integrity" "q 'pragma integrity_check' | grep -qx ok"
  check "round $round: whole documents only" "[ \$(partial) -eq 0 ]"
  check "round $round: no orphan records" "[ \$(orphans) -eq 0 ]"
  check "round $round: nothing lost ($nd >= $prev)" "[ $nd -ge $prev ]"
  prev=$nd
done
check "at least 4 runs were killed ($kills)" "[ $kills -ge 4 ]"

# resume to completion: stored documents are skipped, the rest written
before=$(q 'select count(*) from documents' 2> /dev/null || echo 0)
"$bin" code "$tmp/c.jsonl" --db "$db" > /dev/null 2> "$tmp/err"; rc=$?
check "resume exit 0" "[ $rc -eq 0 ]"
check "resume counts: $((n - before)) written, $before skipped" \
  "grep -q 'store .*: $((n - before)) written, $before unchanged and skipped' $tmp/err"
check "every document present once ($n)" \
  "[ \$(q 'select count(distinct id) from documents') -eq $n ] && [ \$(q 'select count(*) from documents') -eq $n ]"
check "sentences column = sentence records" "[ \$(partial) -eq 0 ]"
check "no orphan records" "[ \$(orphans) -eq 0 ]"
check "no duplicate sentence records" \
  "[ \$(q \"select count(*) from (select doc, sent from records where type = 'sentence' group by doc, sent having count(*) > 1)\") -eq 0 ]"
q 'select json from records' | sort > "$tmp/got"
check "records = an uninterrupted run ($nref records)" "cmp -s $tmp/ref $tmp/got"
check "integrity at the end" "q 'pragma integrity_check' | grep -qx ok"

# unchanged documents are skipped, --recode rewrites without duplicates
"$bin" code "$tmp/c.jsonl" --db "$db" > /dev/null 2> "$tmp/err"
check "re-run: all $n unchanged and skipped" \
  "grep -q 'store .*: 0 written, $n unchanged and skipped' $tmp/err"
head -n 100 "$tmp/c.jsonl" > "$tmp/head.jsonl"
"$bin" code "$tmp/head.jsonl" --db "$db" --recode > /dev/null 2> "$tmp/err"
check "--recode: 100 written" "grep -q 'store .*: 100 written, 0 unchanged' $tmp/err"
q 'select json from records' | sort > "$tmp/got"
check "after --recode: still exactly the reference records" "cmp -s $tmp/ref $tmp/got"
exit $fail
