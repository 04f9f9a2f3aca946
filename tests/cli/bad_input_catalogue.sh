#!/bin/sh
# The bad-input catalogue (issue 7): runs every case of tests/bad_input/EXPECT and
# checks exit status and output (format described at the top of EXPECT).
# Large inputs (10 MB without a full stop, 100,000 quotes, a 20 MB JSON
# line, deeply nested JSON) are generated here instead of committed.
# usage: bad_input_catalogue.sh PARLEY_BINARY REPO_ROOT [CASE-SUBSTRING]
set -u
bin=$1; root=$2; only=${3:-}
dir=$root/tests/bad_input
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gen=$tmp/gen; mkdir -p "$gen"

# ---- generated inputs ----
yes 'officials said the talks in Cairo would continue' | head -c 10485760 |
  tr '\n' ' ' > "$gen/10mb_no_stop.txt"
yes '"' | head -n 100000 | tr -d '\n' > "$gen/100k_quotes.txt"
yes 'He said "yes" and "no" and "' | head -n 20000 | tr -d '\n' \
  > "$gen/100k_quote_pairs.txt"
yes ' ' | head -c 1048576 > "$gen/1mb_spaces.txt"
{ printf 'Yes'; yes '!' | head -n 100000 | tr -d '\n'; printf ' Next.\n'; } \
  > "$gen/bangs.txt"
{ yes '[' | head -n 100000 | tr -d '\n'; echo;
  echo '{"id":"after-deep","text":"Police met protesters."}'; } \
  > "$gen/deep_nesting.jsonl"
{ printf '{"id":"huge","text":"'; yes 'word' | head -c 20971520 | tr '\n' ' '
  printf '"}\n{"id":"after-huge","text":"Police met protesters."}\n'; } \
  > "$gen/20mb_line.jsonl"
{ printf '{"id":"big","text":"'; yes 'word' | head -c 5242880 | tr '\n' ' '
  printf '"}\n'; } > "$gen/5mb_text.jsonl"

fail=0; n=0
bad() { echo "FAIL [$file | $cmd]: $1"; fail=1; }
TAB=$(printf '\t')
while IFS="$TAB" read -r file cmd want checks; do
  case $file in ''|'#'*) continue ;; esac
  [ -n "$only" ] && case "$file $cmd" in *"$only"*) ;; *) continue ;; esac
  n=$((n + 1))
  case $file in
    @DIR) path=$tmp/dir$n; mkdir -p "$path" ;;
    @EX) path=$root/examples/ceasefire_talks.txt ;;
    gen/*) path=$gen/${file#gen/} ;;
    *) path=$dir/$file ;;
  esac
  set -f
  args=
  for w in $cmd; do
    case $w in
      @) w=$path ;;
      @EX) w=$root/examples/ceasefire_talks.txt ;;
      @/*) w=$path${w#@} ;;
    esac
    args="$args$w$TAB"
  done
  IFS=$TAB
  # shellcheck disable=SC2086
  timeout 60 "$bin" $args > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  IFS=' 
'
  set +f
  [ "$rc" = "$want" ] || bad "exit $rc, want $want; stderr: $(head -c 300 "$tmp/err")"
  [ $rc -ge 124 ] && continue
  set -f; IFS=';'
  for c in $checks; do
    IFS=' 
'
    case $c in
      out:*) grep -qF -e "${c#out:}" "$tmp/out" || bad "stdout lacks '${c#out:}'" ;;
      err:*) grep -qF -e "${c#err:}" "$tmp/err" || bad "stderr lacks '${c#err:}': $(head -c 300 "$tmp/err")" ;;
      '!out:'*) ! grep -qF -e "${c#!out:}" "$tmp/out" || bad "stdout has '${c#!out:}'" ;;
      '!err:'*) ! grep -qF -e "${c#!err:}" "$tmp/err" || bad "stderr has '${c#!err:}'" ;;
      err=) [ ! -s "$tmp/err" ] || bad "stderr not empty: $(head -c 300 "$tmp/err")" ;;
      lines=*) l=$(wc -l < "$tmp/out"); [ "$l" -eq "${c#lines=}" ] || bad "$l lines, want ${c#lines=}" ;;
      lines\>*) l=$(wc -l < "$tmp/out"); [ "$l" -gt "${c#lines>}" ] || bad "$l lines, want > ${c#lines>}" ;;
      rec:*) t=${c#rec:}; t=${t%%>*}; min=${c##*>}
             k=$(grep -c "\"type\":\"$t\"" "$tmp/out")
             [ "$k" -gt "$min" ] || bad "$k $t records, want > $min" ;;
      *) bad "unknown check '$c'" ;;
    esac
  done
  IFS=' 
'
  set +f
done < "$dir/EXPECT"
files=$(ls "$dir" | grep -vc '^EXPECT$')
echo "bad_input: $n cases over $files committed files (+ generated), $( [ $fail = 0 ] && echo ok || echo FAILED)"
[ $n -gt 0 ] || fail=1
exit $fail
