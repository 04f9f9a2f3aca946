#!/bin/sh
# --help of every command (with examples), --version and exit codes for bad
# command lines.  A command still marked "not available in this build yet"
# must say so and exit non-zero; every other one must document itself.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }

"$bin" --help > "$tmp/h"; rc=$?
check "parley --help exits 0" "[ $rc -eq 0 ]"
check "parley --help on stdout" "grep -q '^usage: parley' $tmp/h"
check "parley --help documents exit codes" "grep -q 'exit status' $tmp/h"
"$bin" -h | cmp -s - "$tmp/h"; check "-h = --help" "[ $? -eq 0 ]"
"$bin" help | cmp -s - "$tmp/h"; check "help = --help" "[ $? -eq 0 ]"

# every command listed in the usage text
cmds=$(sed -n '/^commands:/,/^$/p' "$tmp/h" | awk 'NR > 1 && NF { print $1 }')
check "commands listed" "[ -n \"$cmds\" ]"
for c in $cmds; do
  "$bin" "$c" --help > "$tmp/c" 2> "$tmp/e"; rc=$?
  if grep -q 'not available in this build yet' "$tmp/e"; then
    check "$c: unavailable command exits non-zero" "[ $rc -ne 0 ]"
    continue
  fi
  check "$c --help exits 0 (got $rc)" "[ $rc -eq 0 ]"
  check "$c --help has a usage line" "grep -q '^usage: parley $c' $tmp/c"
  check "$c --help has examples" "grep -qi 'example' $tmp/c"
  check "$c --help examples run parley $c" "grep -q '  parley $c' $tmp/c"
done
"$bin" code --help | grep -q 'exit status'
check "code --help documents exit codes" "[ $? -eq 0 ]"

# --version
v=$("$bin" --version); rc=$?
check "--version exits 0" "[ $rc -eq 0 ]"
check "--version prints 'parley X.Y.Z'" "echo '$v' | grep -Eq '^parley [0-9]+\.[0-9]+\.[0-9]+$'"
check "-V = --version" "[ \"\$($bin -V)\" = '$v' ]"

# bad command lines exit 2 with a one-line message on stderr, nothing on stdout
usage_err() {
  "$bin" "$@" > "$tmp/o" 2> "$tmp/e"; rc=$?
  check "'$*' exits 2 (got $rc)" "[ $rc -eq 2 ]"
  check "'$*' prints nothing on stdout" "[ ! -s $tmp/o ]"
  check "'$*' explains on stderr" "grep -q '^parley' $tmp/e"
}
usage_err
usage_err frobnicate
usage_err code --no-such-option
usage_err code --format yaml
usage_err code --input csv
usage_err code --records nothing
usage_err code --stop-after nowhere
usage_err code --date 2024-13-01
usage_err code --date 2023-02-29
usage_err code --date yesterday
usage_err code --max-bytes lots
usage_err code --date
exit $fail
