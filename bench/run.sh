#!/bin/sh
# make bench: throughput of parley on a generated 200,000-sentence corpus,
# single-threaded and -j 2, against the floor of merely reading the words
# (wc -w), plus peak memory with the default and the Phoenix dictionaries
# and, when link-grammar is installed, the speed of a parser on a sample.
# Results go to stdout; copy them into docs/BENCHMARKS.md with the machine.
set -eu
bin=${1:-build/parley}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus.jsonl
articles=${BENCH_ARTICLES:-10000}
if [ ! -s "$corpus" ] || [ "$(head -c 0 "$corpus"; wc -l < "$corpus")" -ne "$articles" ]; then
  "$bin" bench --generate "$articles" --seed 1 > "$corpus"
fi
secs() { # wall seconds of a command, output discarded
  s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
  echo "$s $e" | awk '{printf "%.3f", $2 - $1}'
}
echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus:  $corpus ($(wc -l < "$corpus") articles, $(du -m "$corpus" | cut -f1) MB)"
echo
echo "== parley bench -j 1"
"$bin" bench "$corpus" -j 1 2>&1
echo
echo "== parley bench -j 2"
"$bin" bench "$corpus" -j 2 2>&1
echo
t_wc=$(secs wc -w "$corpus")
t_p1=$(secs "$bin" code --quiet "$corpus")
t_p2=$(secs "$bin" code --quiet -j 2 "$corpus")
echo "== wall time, output written to /dev/null"
echo "wc -w                 ${t_wc}s"
echo "parley code -j 1      ${t_p1}s  (ratio to wc -w: $(echo "$t_p1 $t_wc" | awk '{printf "%.1f", $1 / ($2 > 0 ? $2 : 0.001)}'))"
echo "parley code -j 2      ${t_p2}s  (speed-up: $(echo "$t_p1 $t_p2" | awk '{printf "%.2f", $1 / ($2 > 0 ? $2 : 0.001)}')x)"
shared=$here/../../shared/peers/petrarch2
if [ -d "$shared" ]; then
  echo
  echo "== peak memory with the full Phoenix dictionaries loaded"
  head -n 1000 "$corpus" > "$here/corpus-small.jsonl"
  "$bin" code --quiet --stats --no-output \
    --dict "$shared/Phoenix.Countries.actors.txt" \
    --dict "$shared/Phoenix.International.actors.txt" \
    --dict "$shared/Phoenix.MilNonState.actors.txt" \
    --dict "$shared/Phoenix.agents.txt" \
    --dict "$shared/CAMEO.2.0.txt" "$here/corpus-small.jsonl" 2>&1 | \
    grep -E 'sentences|peak RSS|seconds' || echo "(dictionaries not loadable yet)"
  rm -f "$here/corpus-small.jsonl"
fi
if command -v link-parser > /dev/null 2>&1; then
  echo
  echo "== link-grammar (parser-based reference) on 100 sentences of the corpus"
  head -n 20 "$corpus" | sed 's/.*"text":"//; s/"}$//; s/\\"/"/g; s/\. /.\n/g' | \
    head -n 100 > "$here/sample.txt"
  n=$(wc -l < "$here/sample.txt")
  t_lg=$(secs sh -c "link-parser -graphics=0 -verbosity=0 < '$here/sample.txt'")
  echo "link-parser           ${t_lg}s for $n sentences ($(echo "$n $t_lg" | awk '{printf "%.1f", $1 / ($2 > 0 ? $2 : 0.001)}') sentences/s)"
  rm -f "$here/sample.txt"
else
  echo
  echo "(link-grammar not installed: apt-get install link-grammar for the parser reference)"
fi
