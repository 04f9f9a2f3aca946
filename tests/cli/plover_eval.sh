#!/bin/sh
# PLOVER gold dev set (../shared/peers/PLOVER, not in the repo): recall and
# precision of parley's default dictionaries, by bench/plover_eval.py.
# Floors are the figures reached (docs/BENCHMARKS.md); skipped (77) when
# the gold file or python3 is absent.
set -u
bin=$1; root=$2
shared=${PARLEY_SHARED:-$root/../shared}
gold=$shared/peers/PLOVER/PLOVER_GSR_dev.json
[ -f "$gold" ] || { echo "skip: $gold absent"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skip: no python3"; exit 77; }
RECALL_FLOOR=${RECALL_FLOOR:-55}
PRECISION_FLOOR=${PRECISION_FLOOR:-64}
out=$(python3 "$root/bench/plover_eval.py" "$bin" "$gold") || exit 1
echo "$out"
r=$(echo "$out" | sed -n 's/^recall (type+src+tgt): .* = \([0-9.]*\)%$/\1/p')
p=$(echo "$out" | sed -n 's/^precision: .* = \([0-9.]*\)%$/\1/p')
fail=0
awk "BEGIN{exit !(${r:-0} + 0 >= $RECALL_FLOOR)}" ||
  { echo "FAIL: recall ${r:-?}% < floor $RECALL_FLOOR%"; fail=1; }
awk "BEGIN{exit !(${p:-0} + 0 >= $PRECISION_FLOOR)}" ||
  { echo "FAIL: precision ${p:-?}% < floor $PRECISION_FLOOR%"; fail=1; }
exit $fail
