#!/usr/bin/env python3
"""tag_agreement.py - share of words where parley's own part-of-speech tags
agree with the Treebank tags of a PETRARCH validation file's <Parse>.

Usage: bench/tag_agreement.py PARLEY_BINARY SUITE.xml [-v]

Runs `parley validate SUITE --verbose --dump` (parley's tags from raw text),
reads the leaves of every record's <Parse>, aligns the two word sequences
(difflib), ignores punctuation, and prints the agreement and the most
frequent confusions (gold tag, parley tag); -v also lists each disagreement
with its record id.  Python 3 standard library only.
"""
import sys, re, subprocess, difflib, collections
bin_, suite = sys.argv[1], sys.argv[2]
verbose = len(sys.argv) > 3
xml = open(suite, encoding='utf-8', errors='replace').read()
gold = {}
for m in re.finditer(r'<Sentence[^>]*id="([^"]+)"[^>]*>(.*?)</Sentence>', xml, re.S):
    p = re.search(r'<Parse>(.*?)</Parse>', m.group(2), re.S)
    if not p: continue
    leaves = re.findall(r'\(([^()\s]+) ([^()\s]+)\)', p.group(1))
    gold[m.group(1)] = [(w, t) for t, w in leaves]
out = subprocess.run([bin_, 'validate', suite, '--verbose', '--dump'], capture_output=True, text=True).stdout
ours = collections.defaultdict(list); cur = None
for line in out.splitlines():
    m = re.match(r'(?:FAIL|ok|OK|PASS)\s+(\S+)', line)
    mm = re.match(r"^\S+\s+(\S+) \[", line)
    if mm and not line.startswith(' '): cur = mm.group(1); continue
    if cur and line.startswith('  ') and '\t' in line:
        f = line.strip().split('\t')
        if len(f) >= 2 and f[0] != 'PUNCT' and re.match(r'^[A-Z$]+$', f[0]): ours[cur].append((f[1], f[0]))
agree = tot = 0; conf = collections.Counter()
for rid, g in gold.items():
    o = ours.get(rid)
    if not o: continue
    gw = [w for w, t in g]; ow = [w for w, t in o]
    sm = difflib.SequenceMatcher(a=gw, b=ow, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            gt = g[a+k][1]; ot = o[b+k][1]
            if not re.match(r'^[A-Z]', gt) or gt in ('.', ','): continue
            tot += 1
            if gt == ot: agree += 1
            else:
                conf[(gt, ot)] += 1
                if verbose: print(rid, g[a+k][0], gt, ot)
print("agreement %d/%d = %.2f%%" % (agree, tot, 100.0*agree/tot))
for (k, v) in conf.most_common(15): print(k, v)
