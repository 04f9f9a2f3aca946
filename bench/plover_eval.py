#!/usr/bin/env python3
"""plover_eval.py - parley against the PLOVER gold standard (dev set).

Usage: bench/plover_eval.py [PARLEY_BINARY] [GOLD.json] [--misses]

Codes every gold sentence with parley's DEFAULT dictionaries (one article
per record, the record's date), maps each event's CAMEO code to a PLOVER
type through the "plover" field of the event record (data/cameo.tsv), and
compares with the human coding:

  recall     share of gold records where parley finds the gold event type
             with a source whose country is one of the gold sources'
             and a target whose country is one of the gold targets'
             (a record with no gold target accepts any target or none)
  precision  share of parley's events, over all records, that match the
             gold event of their record that way

Also printed: looser figures (type only; type + source) and, with
--misses, what the coder misses most, grouped by cause (no event at all,
wrong type, wrong or unknown actors), with gold type -> parley type
counts.  Only figures and type names are printed, never the sentences.

The gold set names types in the PLOVER 0.5 vocabulary; parley's table uses
the 2021 names.  Equivalences used (documented in docs/BENCHMARKS.md):
DEMAND = REQUEST, DISAPPROVE = ACCUSE, INVESTIGATE = ACCUSE (CAMEO 09 is
ACCUSE:investigate in 2021), FIGHT = ASSAULT (CAMEO 19x).

Exit 77 when the gold file is absent (not part of the repository).
Python 3 standard library only.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

OLD2NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
           "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def gold_countries(side):
    """Set of 3-letter roots of a gold source/target list, None = any."""
    if not side or not isinstance(side, list):
        return None
    out = set()
    for a in side:
        c = (a.get("code") or "").strip().upper()
        if c:
            out.add(c[:3])
    return out or None


def ev_country(actor):
    if not isinstance(actor, dict):
        return ""
    c = actor.get("country") or ""
    if not c:
        c = (actor.get("code") or "")[:3]
    return c.upper()


def ev_type(ev):
    p = ev.get("plover") or ""
    return p.split(":")[0].upper() if p and p != "-" else ""


def matches(ev, gtype, gsrc, gtgt, need_src=True, need_tgt=True):
    if ev_type(ev) != gtype:
        return False
    if need_src and gsrc is not None and ev_country(ev.get("source")) not in gsrc:
        return False
    if need_tgt and gtgt is not None and ev_country(ev.get("target")) not in gtgt:
        return False
    return True


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_misses = "--misses" in sys.argv
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    binary = args[0] if args else os.path.join(root, "build", "parley")
    gold_path = args[1] if len(args) > 1 else os.path.join(
        root, "..", "shared", "peers", "PLOVER", "PLOVER_GSR_dev.json")
    if not os.path.exists(gold_path):
        print("skip: %s absent" % gold_path)
        return 77
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as tf:
        for g in gold:
            tf.write(json.dumps({"id": g["id"], "date": g.get("date"),
                                 "text": g["text"]}) + "\n")
        tmp = tf.name
    try:
        out = subprocess.run([binary, "code", "--quiet", "--input", "jsonl",
                              "--records", "event", tmp],
                             stdout=subprocess.PIPE, check=True).stdout
    finally:
        os.unlink(tmp)
    events = collections.defaultdict(list)
    for line in out.decode("utf-8", "replace").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r.get("type") == "event":
            events[r.get("doc")].append(r)

    n = len(gold)
    hit = hit_type = hit_src = 0
    nev = good_ev = 0
    causes = collections.Counter()
    type_conf = collections.Counter()
    missed_types = collections.Counter()
    unmapped = collections.Counter()
    for g in gold:
        gtype = OLD2NEW.get(g["event"], g["event"])
        gsrc = gold_countries(g.get("source"))
        gtgt = gold_countries(g.get("target"))
        evs = events.get(g["id"], [])
        nev += len(evs)
        good_ev += sum(1 for e in evs if matches(e, gtype, gsrc, gtgt))
        for e in evs:
            if not ev_type(e):
                unmapped[e.get("code", "")[:2]] += 1
        if any(matches(e, gtype, gsrc, gtgt) for e in evs):
            hit += 1
        else:
            missed_types[g["event"]] += 1
            if not evs:
                causes["no event coded"] += 1
            elif not any(ev_type(e) == gtype for e in evs):
                causes["events, none of the gold type"] += 1
                for e in evs:
                    type_conf["%s -> %s (%s)" % (g["event"], ev_type(e) or "-",
                                                 e.get("code"))] += 1
            elif not any(matches(e, gtype, gsrc, gtgt, need_tgt=False)
                         for e in evs):
                src_known = any(ev_country(e.get("source")) for e in evs
                                if ev_type(e) == gtype)
                causes["gold type, wrong source" if src_known
                       else "gold type, source unknown/none"] += 1
            else:
                tgt_known = any(ev_country(e.get("target")) for e in evs
                                if ev_type(e) == gtype)
                causes["gold type and source, wrong target" if tgt_known
                       else "gold type and source, target unknown/none"] += 1
        if any(matches(e, gtype, gsrc, gtgt, False, False) for e in evs):
            hit_type += 1
        if any(matches(e, gtype, gsrc, gtgt, True, False) for e in evs):
            hit_src += 1

    def pct(a, b):
        return 100.0 * a / b if b else 0.0

    print("gold records:          %d (%s)" % (n, os.path.basename(gold_path)))
    print("parley events:         %d on %d records" %
          (nev, sum(1 for g in gold if events.get(g["id"]))))
    print("recall (type+src+tgt): %d/%d = %.1f%%" % (hit, n, pct(hit, n)))
    print("recall (type+src):     %d/%d = %.1f%%" % (hit_src, n, pct(hit_src, n)))
    print("recall (type only):    %d/%d = %.1f%%" % (hit_type, n, pct(hit_type, n)))
    print("precision:             %d/%d = %.1f%%" % (good_ev, nev, pct(good_ev, nev)))
    if show_misses:
        print("\nmissed gold records by cause:")
        for k, v in causes.most_common():
            print("  %3d  %s" % (v, k))
        print("\nmissed gold records by gold type:")
        for k, v in missed_types.most_common():
            print("  %3d  %s" % (v, k))
        print("\nwrong-type events (gold -> parley):")
        for k, v in type_conf.most_common(15):
            print("  %3d  %s" % (v, k))
        if unmapped:
            print("\nparley events with no PLOVER type, by CAMEO root:")
            for k, v in unmapped.most_common():
                print("  %3d  %s" % (v, k))
    return 0


if __name__ == "__main__":
    sys.exit(main())
