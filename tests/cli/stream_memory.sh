#!/bin/sh
# JSON Lines input is streamed: coding 20,000 generated articles keeps the
# peak resident memory bounded (generously: under 200 MB) and close to
# what 1,000 articles need.  Measured with GNU time (/usr/bin/time -v);
# skipped (77) when it is not installed.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
[ -x /usr/bin/time ] || { echo "skip: /usr/bin/time not installed"; exit 77; }
/usr/bin/time -v true > /dev/null 2>&1 || { echo "skip: time -v unsupported"; exit 77; }

gen() { # gen N FILE: N articles of five sentences each, varied ids
  awk -v n="$1" 'BEGIN {
    split("Egypt Qatar Israel Hamas Jordan Turkey Iran Lebanon", a, " ");
    split("met hosted criticized accused praised visited urged thanked", v, " ");
    for (i = 1; i <= n; i++) {
      s = a[i % 8 + 1]; t = a[(i * 3) % 8 + 1]; w = v[i % 8 + 1];
      printf "{\"id\":\"gen-%d\",\"date\":\"2024-10-%02d\",\"source\":\"gen\",", i, i % 28 + 1;
      printf "\"text\":\"%s %s %s in Doha on Sunday, officials said. ", s, w, t;
      printf "The U.S. envoy said talks would resume on Oct. 7. ";
      printf "\\\"We are ready,\\\" he said. At least %d people were killed. ", i % 500;
      printf "%s rejected the plan on Monday.\"}\n", t;
    }
  }' > "$2"
}
gen 1000 "$tmp/small.jsonl"
gen 20000 "$tmp/big.jsonl"

rss() { # rss FILE: peak RSS in kB of coding FILE
  /usr/bin/time -v "$bin" code "$1" --quiet > "$tmp/out" 2> "$tmp/time"
  echo "exit $?" >> "$tmp/time"
  awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$tmp/time"
}
small=$(rss "$tmp/small.jsonl")
big=$(rss "$tmp/big.jsonl")
check "big run exit 0" "grep -q 'exit 0' $tmp/time"
n=$(grep -c '"type":"sentence"' "$tmp/out")
check "all 20,000 articles coded ($n sentence records)" "[ $n -ge 100000 ]"
echo "peak RSS: 1,000 articles ${small} kB, 20,000 articles ${big} kB"
check "peak RSS under 200 MB ($big kB)" "[ $big -lt 204800 ]"
check "memory does not grow with the article count ($small -> $big kB)" \
  "[ $big -lt \$(( small + 51200 )) ]"
exit $fail
