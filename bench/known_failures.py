#!/usr/bin/env python3
"""known_failures.py - group the failures of `parley validate` by cause.

Usage: bench/known_failures.py [PARLEY_BINARY] [SUITE.xml] [--doc] > out.md

With --doc the output is the whole docs/KNOWN_FAILURES.md: the
hand-written causes (bench/known_failures.head.md) and the records.

Runs the suite from raw text and with --use-parse, classifies every
failing record by comparing its expected and coded (source, target, code)
sets, and prints Markdown: one section per cause with the record ids and
the expected/got triples (codes only: the suite's sentences are never
printed).  docs/KNOWN_FAILURES.md is this output under a hand-written
explanation of each cause; rerun after coder changes and paste.

Causes (first that applies):
  discard-not-applied   error=storydiscard/sentencediscard record coded
  dateline-not-detected error=dateline record coded
  spurious              noevents record, parley coded something
  no-event              parley coded nothing where events are expected
  paired-code-half      [a:b] paired code: the reverse event is missing
  null-actor-missing    missing events are exactly those with a --- actor
  multi-code-actor      an actor code "A/B" was not split into A and B
  agent-missing         same events, but an actor lacks its agent segment
                        (DAG for DAGGOV) or has a different agent
  wrong-code            same actor pairs, another event code
  events-missing        a strict subset of the expected events
  extra-events          all expected events plus others
  wrong-actors          same codes, other actors
  mixed                 several of these at once
Python 3 standard library only.
"""
import collections
import os
import re
import subprocess
import sys

HDR = re.compile(r"^(FAIL|ok  ) (\S+) \[([^\]]*)\] line (\d+)")


def run(binary, suite, parse, extra=()):
    cmd = [binary, "validate", suite] + (["--use-parse"] if parse else []) + list(extra)
    out = subprocess.run(cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout.decode()
    recs = collections.OrderedDict()
    cur = None
    final = ""
    for line in out.splitlines():
        m = HDR.match(line)
        if m:
            cur = {"id": m.group(2), "cat": m.group(3), "line": int(m.group(4)),
                   "exp": [], "got": [], "error": None,
                   "note": line[m.end():].strip()}
            recs[(cur["id"], cur["line"])] = cur
            continue
        if line.startswith("suite:"):
            final = line
            continue
        if cur is None:
            continue
        s = line.strip()
        if s.startswith("expected:"):
            body = s[len("expected:"):].strip()
            m2 = re.match(r"\(error=(\w+)", body)
            if m2:
                cur["error"] = m2.group(1)
            elif body != "(no events)":
                cur["exp"] = [t.strip() for t in body.split("|")]
        elif s.startswith("got:"):
            body = s[len("got:"):].strip()
            if body != "(no events)":
                cur["got"] = [t.strip() for t in body.split("|")]
    return recs, final


def split(t):
    p = t.split()
    return (p[0], p[1], p[2]) if len(p) == 3 else (t, "", "")


def classify(r):
    exp, got = set(r["exp"]), set(r["got"])
    if r["error"] in ("storydiscard", "sentencediscard"):
        return "discard-not-applied"
    if r["error"] == "dateline":
        return "dateline-not-detected"
    if r["error"]:
        return "mixed"
    if not exp:
        return "spurious"
    if not got:
        return "no-event"
    E = [split(t) for t in exp]
    G = [split(t) for t in got]
    if any("/" in a for g in G for a in g[:2]):
        return "multi-code-actor"
    if got < exp:
        miss = [split(t) for t in exp - got]
        if all(m[0].startswith("---") or m[1].startswith("---") for m in miss):
            return "null-actor-missing"
        gp = {(g[0], g[1]) for g in G}
        if all((m[1], m[0]) in gp for m in miss):
            return "paired-code-half"
        return "events-missing"
    if exp < got:
        return "extra-events"
    if sorted(e[2] for e in E) == sorted(g[2] for g in G) and len(E) == len(G):
        ea = sorted(a for e in E for a in e[:2])
        ga = sorted(a for g in G for a in g[:2])
        if len(ea) == len(ga) and all(
                x[:3] == y[:3] for x, y in zip(ea, ga)):
            return "agent-missing"
        return "wrong-actors"
    if sorted((e[0], e[1]) for e in E) == sorted((g[0], g[1]) for g in G):
        return "wrong-code"
    return "mixed"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0] if args else os.path.join(root, "build", "parley")
    suite = args[1] if len(args) > 1 else os.path.join(
        root, "..", "shared", "peers", "petrarch2", "PETR.UnitTest.records.xml")
    if not os.path.exists(suite):
        print("skip: %s absent" % suite, file=sys.stderr)
        return 77
    if "--doc" in sys.argv:
        with open(os.path.join(here, "known_failures.head.md")) as f:
            sys.stdout.write(f.read())
    text, tfinal = run(binary, suite, False)
    parse, pfinal = run(binary, suite, True)
    _, afinal = run(binary, suite, False, ["--as-petrarch"])
    groups = collections.defaultdict(list)
    for key, r in text.items():
        if r["note"].startswith("(coding failed"):
            groups["coding-failed"].append(r)
        else:
            groups[classify(r)].append(r)
    fixed = [r for k, r in text.items() if k not in parse]
    broken = [r for k, r in parse.items() if k not in text]
    print("From text: `%s`  " % tfinal)
    print("With --use-parse: `%s`  " % pfinal)
    print("From text, only the records PETRARCH itself evaluated (`--as-petrarch`): `%s`\n" % afinal)
    print("| cause | records |\n|---|---|")
    for cause, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print("| %s | %d |" % (cause, len(rs)))
    print("\nRight with the parse but wrong from text (tagging, chunking, or a Text that differs from its Parse): %d: %s\n"
          % (len(fixed), " ".join(r["id"] for r in fixed) or "none"))
    print("Right from text but wrong with the parse: %d: %s\n"
          % (len(broken), " ".join(r["id"] for r in broken) or "none"))
    for cause, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print("### %s (%d)\n" % (cause, len(rs)))
        for r in rs:
            exp = ("error=" + r["error"]) if r["error"] else (" | ".join(sorted(r["exp"])) or "none")
            got = " | ".join(sorted(r["got"])) or "none"
            tag = " (ok with --use-parse)" if (r["id"], r["line"]) not in parse else ""
            print("- %s [%s]%s: expected %s; got %s" % (r["id"], r["cat"], tag, exp, got))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
