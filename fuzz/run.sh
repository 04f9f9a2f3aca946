#!/bin/sh
# fuzz/run.sh - build the libFuzzer targets (clang, build-fuzz/) and run
# each for a bounded time on its corpus.
#
#   fuzz/run.sh [TARGET...]        (default: every fuzz/fuzz_*.c)
#   FUZZ_SECONDS=60   seconds per target
#   FUZZ_BUILD=build-fuzz  build directory
#   FUZZ_FLAGS=...    extra libFuzzer flags
#
# Inputs that libFuzzer finds go to $FUZZ_BUILD/corpus/<target>/ (not into
# the repository); seeds come from fuzz/corpus/<target>/ and regression
# inputs from tests/fuzz/corpus/<target>/.  A crash leaves its input in
# $FUZZ_BUILD/crashes/ and makes this script exit 1: minimise it
# (fuzz_<target> -minimize_crash=1 -runs=10000 FILE), fix the bug and
# commit the input under tests/fuzz/corpus/<target>/ so `make test`
# replays it from then on.
set -u
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
bdir=${FUZZ_BUILD:-build-fuzz}
cc=${FUZZ_CC:-clang}
command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (apt-get install clang)"; exit 1; }
if [ $# -eq 0 ]; then
  set -- $(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_||; s|\.c$||')
fi
# one build at a time: several runs may be started side by side
mkdir -p "$bdir"
(
  flock 9
  CC=$cc cmake -S . -B "$bdir" -DPARLEY_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
  tg=
  for t in "$@"; do tg="$tg --target fuzz_$t"; done
  cmake --build "$bdir" -j "${JOBS:-2}" $tg >/dev/null 2>&1 || exit 1
) 9> "$bdir/.build.lock" || { echo "fuzz: build failed"; exit 1; }
mkdir -p "$bdir/crashes"
fail=0
for t in "$@"; do
  bin=$bdir/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz: no target $t"; fail=1; continue; }
  mkdir -p "$bdir/corpus/$t"
  log=$bdir/fuzz_$t.log
  dirs="$bdir/corpus/$t"
  for d in fuzz/corpus/$t tests/fuzz/corpus/$t; do
    [ -d "$d" ] && dirs="$dirs $d"
  done
  # -rss_limit_mb and -timeout turn memory blow-ups and hangs into
  # findings; -max_len lets inputs grow past the default 4 KB.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -dict=fuzz/dict \
    -artifact_prefix="$bdir/crashes/$t-" ${FUZZ_FLAGS:-} \
    $dirs \
    > "$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz_$t: ok, ${runs:-?} executions in ${secs}s, $cov"
  else
    echo "fuzz_$t: FAILED (exit $rc), see $log:"
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -5
    fail=1
  fi
done
exit $fail
