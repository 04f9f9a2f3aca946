#!/bin/sh
# Nine articles from six outlets report two meetings and one attack in
# different words on consecutive days: the store holds exactly three
# events, each with three articles, and every mention.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" code --quiet --db "$tmp/s.db" "$root/tests/data/cluster_corpus.jsonl" > "$tmp/out" || exit 1
fail=0
n=$("$bin" query --db "$tmp/s.db" | wc -l)
[ "$n" -eq 3 ] || { echo "FAIL: $n merged events, want 3"; "$bin" query --db "$tmp/s.db" --format pretty; fail=1; }
"$bin" query --db "$tmp/s.db" --format csv | tail -n +2 | cut -d, -f12 | sort | uniq -c > "$tmp/arts"
grep -q '^ *3 3$' "$tmp/arts" || { echo "FAIL: num_articles per event:"; cat "$tmp/arts"; fail=1; }
m=$("$bin" query --db "$tmp/s.db" --mentions | grep -o '"doc":"clu-' | wc -l)
r=$("$bin" query --db "$tmp/s.db" --raw | wc -l)
# each line names its own doc once plus one per mention: every mention listed
[ "$m" -eq $((3 + r)) ] || { echo "FAIL: $m doc references with --mentions, want 3 + $r"; fail=1; }
[ "$r" -ge 9 ] || { echo "FAIL: only $r mentions stored"; fail=1; }
"$bin" query --db "$tmp/s.db" --root 19 --format csv | tail -n +2 | cut -d, -f13 | grep -qx 3 \
  || { echo "FAIL: the attack should have 3 outlets"; fail=1; }
# re-coding the same corpus changes nothing
"$bin" code --quiet --db "$tmp/s.db" --recode "$root/tests/data/cluster_corpus.jsonl" > /dev/null
n2=$("$bin" query --db "$tmp/s.db" | wc -l)
[ "$n2" -eq 3 ] || { echo "FAIL: recoding changed the events to $n2"; fail=1; }
# stats sum to the events; exports read back
s=$("$bin" stats --db "$tmp/s.db" --by week --format csv | tail -n +2 | awk -F, '{s+=$2} END {print s}')
[ "$s" -eq 3 ] || { echo "FAIL: stats sum $s"; fail=1; }
cols=$("$bin" export --db "$tmp/s.db" --format gdelt | head -1 | awk -F'\t' '{print NF}')
[ "$cols" -eq 61 ] || { echo "FAIL: gdelt columns $cols"; fail=1; }
exit $fail
