#!/bin/sh
# `parley actor` and `parley dict compile|import|lookup`.
set -u
bin=$1; root=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }
"$bin" actor --date 2024-10-24 "Egyptian security delegation" > "$tmp/a"
check "actor exit 0" "[ $? -eq 0 ]"
check "actor code" "grep -q '\"code\":\"EGYSEC\"' $tmp/a"
check "actor fields" "grep -q '\"country\":\"EGY\",\"sector\":\"SEC\",\"name\":null,\"how\":\"agent\"' $tmp/a"
"$bin" actor --date 2025-06-01 "Antony Blinken" > "$tmp/a"
check "dated code" "grep -q '\"code\":\"USAELI\"' $tmp/a"
"$bin" dict lookup "Qatar's prime minister" > "$tmp/a"
check "dict lookup" "grep -q '\"code\":\"QATGOV\"' $tmp/a"
"$bin" dict compile > "$tmp/a"
check "dict compile stats" "grep -q '\"persons\":[1-9]' $tmp/a && grep -q ctx_load_ms $tmp/a"
printf 'GONDOR [GON]\n+MINAS_TIRITH\n\t[GONGOV 950101-991231]\n\tbroken line\n' > "$tmp/t.actors.txt"
"$bin" dict import "$tmp/t.actors.txt" > "$tmp/o" 2> "$tmp/err"
check "import exit 0" "[ $? -eq 0 ]"
check "import counts" "grep -q 't.actors.txt: 2 entries, 1 warnings' $tmp/o"
check "import warning names the line" "grep -q 't.actors.txt:4:' $tmp/err"
"$bin" actor --dict "$tmp/t.actors.txt" --date 1996-01-01 "Minas Tirith" > "$tmp/a"
check "actor --dict" "grep -q '\"code\":\"GONGOV\"' $tmp/a"
"$bin" dict import "$tmp/missing.txt" > /dev/null 2>&1
check "missing file exits 1" "[ $? -eq 1 ]"
"$bin" dict frobnicate > /dev/null 2>&1
check "unknown sub-command exits 2" "[ $? -eq 2 ]"
"$bin" dict --help | grep -q 'examples:'
check "dict --help" "[ $? -eq 0 ]"
exit $fail
