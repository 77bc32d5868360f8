#!/usr/bin/env python3
"""Compare the parser's reading of the shared seed corpus with its ground truth.

    python3 test/corpus/check_truth.py [CORPUS_DIR] [--grdump PATH] [--all] [--whole] [-v]

CORPUS_DIR defaults to ../shared/corpus beside the repository root (the
project's own tests never need it; CI has it).  When it is absent the script
prints "corpus: skipped (no ../shared/corpus)" and exits 0.

For every truth file (domain.md section 7) the seed text of that report is cut
out by the truth's line_range (seed 003 holds 14 reports; until the
multi-report splitter is in, each of its blocks is parsed on its own) and fed
to test/tools/grdump, which prints the core's result as JSON.  With --whole,
each seed file is parsed once as a whole instead (gr_parse_all must then split
it) and each truth file is matched with the parsed report whose byte span
overlaps its line range most.  Then:

  template reports (template_2019 / template_2021) -- these decide the exit status:
    * format, layout, agency (null where the truth has none), year (not counted
      when the truth marks it inferred and the parser gives none);
    * every table-3 value (row_key = truth key, col_key = applicant key),
      every table-4 value (row_key review / litigation_direct /
      litigation_after_review, col_key maintained ... total) and its printed
      text where the truth has it, every table-2 value (decimal compare) and
      printed text (exact), the four headline totals;
    * no duplicate or unexpected t2/t3/t4 cells;
  legacy reports (stats_table_pre2019 / narrative) -- informational unless --all:
    * format, agency, year, and whatever the truth holds for stats_table,
      annex and narrative (cells tbl 'stats' / 'annex' / 'narrative', row_key
      = the truth key);
  every report: substr(doc, start, len) == printed for every cell, counted in
  characters.

Prints a summary per report and ends with exactly "corpus: N passed, N failed".
Exit status 0 when no template report fails (or, with --all, no report fails).
"""
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org"]
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_PARTS = ["maintained", "corrected", "other", "pending", "total"]
HEADLINES = ["new_received", "carried_over", "processed_total", "carried_forward"]
TEMPLATE_FORMATS = {"template_2019", "template_2021"}
LAYOUTS = {"docx_tab_cells": "tab", "pipe_cell_per_line": "pipe", "prose": "prose"}


def dec(v):
    if v is None:
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def fmtv(v):
    return "NULL" if v is None else str(v)


def expected_layout(truth_layout):
    """First word of the truth's layout description, mapped to the API name."""
    if not truth_layout:
        return None
    first = truth_layout.split()[0]
    return LAYOUTS.get(first)


def cut_seed(seed_bytes, line_range):
    """Lines [first, last] (1-based, inclusive) of the seed, as text.  The
    whole file is returned byte-exact when the range covers all of it."""
    text = seed_bytes.decode("utf-8")
    lines = text.split("\n")
    first, last = line_range
    if first == 1 and last >= len(lines):
        return text
    return "\n".join(lines[first - 1:last]) + "\n"


def line_byte_range(seed_bytes, line_range):
    """Byte span [start, end) of lines first..last (1-based, inclusive)."""
    starts = [0]
    for i, b in enumerate(seed_bytes):
        if b == 0x0a:
            starts.append(i + 1)
    first, last = line_range
    lo = starts[first - 1]
    hi = starts[last] if last < len(starts) else len(seed_bytes)
    return lo, hi


def pick_by_span(reports, lo, hi):
    best, best_ov = None, 0
    for r in reports:
        a, b = r.get("span", [0, 0])
        ov = min(b, hi) - max(a, lo)
        if ov > best_ov:
            best, best_ov = r, ov
    return best


def run_grdump(grdump, text):
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(text.encode("utf-8"))
        path = f.name
    try:
        p = subprocess.run([grdump, path], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "grdump timed out"
    finally:
        os.unlink(path)
    if p.returncode != 0:
        return None, "grdump exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip())
    try:
        return json.loads(p.stdout.decode("utf-8")), None
    except (ValueError, UnicodeDecodeError) as e:
        return None, "grdump printed invalid JSON: %s" % e


class Result:
    def __init__(self, rid, fmt):
        self.rid = rid
        self.fmt = fmt
        self.problems = []
        self.notes = []
        self.checked = 0

    def check(self, cond, msg):
        self.checked += 1
        if not cond:
            self.problems.append(msg)
        return cond

    @property
    def ok(self):
        return not self.problems


def cells_by_key(rep, res, tbls):
    """{(tbl,row,col): cell} for the given tables; duplicates are problems."""
    out = {}
    for c in rep.get("cells", []):
        if c["tbl"] not in tbls:
            continue
        k = (c["tbl"], c["row_key"], c["col_key"])
        if k in out:
            res.problems.append("duplicate cell %s" % "/".join(str(x) for x in k))
            continue
        out[k] = c
    return out


def compare_cell(res, got, k, want_value, want_printed=None):
    c = got.get(k)
    name = "/".join(str(x) for x in k if x is not None)
    if c is None:
        res.check(False, "%s: missing (expected %s)" % (name, fmtv(want_value)))
        return
    gv, wv = dec(c["value"]), dec(want_value)
    res.check(gv == wv, "%s: value %s, expected %s (printed %r)" % (name, fmtv(c["value"]), fmtv(want_value),
                                                                     c["printed"]))
    if want_printed is not None:
        res.check(c["printed"] == want_printed, "%s: printed %r, expected %r" % (name, c["printed"], want_printed))


def check_positions(res, doc, rep):
    bad = 0
    for c in rep.get("cells", []):
        s = doc[c["start"] - 1:c["start"] - 1 + c["len"]] if c["start"] else None
        if s != c["printed"]:
            bad += 1
            if bad <= 5:
                res.problems.append("%s/%s/%s: substr(doc, %s, %s) = %r but printed = %r" % (
                    c["tbl"], c["row_key"], c["col_key"], c["start"], c["len"], s, c["printed"]))
        res.checked += 1
    if bad > 5:
        res.problems.append("... %d more cells with wrong positions" % (bad - 5))


def check_meta(res, truth, rep, legacy):
    res.check(rep.get("format") == truth["format"], "format %r, expected %r" % (rep.get("format"), truth["format"]))
    lay = expected_layout(truth.get("layout"))
    if lay:
        res.check(rep.get("layout") == lay, "layout %r, expected %r" % (rep.get("layout"), lay))
    res.check(rep.get("agency") == truth.get("agency"),
              "agency %r, expected %r" % (rep.get("agency"), truth.get("agency")))
    if truth.get("year_inferred"):
        if rep.get("year") in (None, truth["year"]):
            res.notes.append("year %s is inferred by the truth; parser gave %s (not counted)" % (
                truth["year"], rep.get("year")))
        else:
            res.check(False, "year %r, expected %r (inferred) or none" % (rep.get("year"), truth["year"]))
    else:
        res.check(rep.get("year") == truth["year"], "year %r, expected %r" % (rep.get("year"), truth["year"]))


def check_template(res, truth, rep):
    got = cells_by_key(rep, res, {"t2", "t3", "t4"})
    want = set()
    for row, cols in truth["table3"].items():
        for col, v in cols.items():
            k = ("t3", row, col)
            want.add(k)
            compare_cell(res, got, k, v)
    printed4 = truth.get("table4_printed")
    i = 0
    for g in T4_GROUPS:
        for p in T4_PARTS:
            k = ("t4", g, p)
            want.add(k)
            compare_cell(res, got, k, truth["table4"][g][p], printed4[i] if printed4 else None)
            i += 1
    for row, cols in truth.get("table2", {}).items():
        for col, cell in cols.items():
            k = ("t2", row, col)
            want.add(k)
            compare_cell(res, got, k, cell["value"], cell["printed"])
    for k in sorted(set(got) - want, key=str):
        res.check(False, "unexpected cell %s = %s (printed %r)" % ("/".join(k), fmtv(got[k]["value"]),
                                                                  got[k]["printed"]))
    for h in HEADLINES:
        w = truth["table3"][h]["total"]
        res.check(rep.get(h) == w, "headline %s = %s, expected %s" % (h, fmtv(rep.get(h)), w))
    n3 = sum(1 for k in got if k[0] == "t3")
    res.notes.append("%d t3 + %d t4 + %d t2 cells read" % (n3, sum(1 for k in got if k[0] == "t4"),
                                                            sum(1 for k in got if k[0] == "t2")))


def check_legacy(res, truth, rep):
    got = cells_by_key(rep, res, {"stats", "annex", "narrative"})
    byrow = {}
    for (tbl, row, col), c in got.items():
        byrow.setdefault((tbl, row), c)
    n = 0
    for tbl, entries in (("stats", truth.get("stats_table") or {}),
                         ("annex", (truth.get("annex") or {}).get("rows", {})),
                         ("narrative", truth.get("narrative") or {})):
        for k, e in entries.items():
            n += 1
            c = byrow.get((tbl, k))
            if c is None:
                res.check(False, "%s/%s: missing (expected %s)" % (tbl, k, fmtv(e.get("value"))))
                continue
            res.check(dec(c["value"]) == dec(e.get("value")),
                      "%s/%s: value %s, expected %s" % (tbl, k, fmtv(c["value"]), fmtv(e.get("value"))))
            if e.get("printed"):
                res.check(c["printed"] == e["printed"],
                          "%s/%s: printed %r, expected %r" % (tbl, k, c["printed"], e["printed"]))
    res.notes.append("%d truth entries, %d stats/annex/narrative cells read" % (n, len(got)))


def pick(reports, truth):
    """The parsed report that corresponds to the truth (first of its format)."""
    for r in reports:
        if r.get("format") == truth["format"]:
            return r
    return reports[0] if reports else None


def find_grdump(path):
    if path:
        return path
    g = os.path.join(ROOT, "test", "tools", "grdump")
    if not os.access(g, os.X_OK):
        p = subprocess.run(["make", "-s", "-C", ROOT, "-f", "test/tools/grdump.mk", "grdump"],
                           capture_output=True)
        if p.returncode != 0 or not os.access(g, os.X_OK):
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            return None
    return g


def main(argv):
    args = [a for a in argv if not a.startswith("-")]
    all_mode = "--all" in argv
    verbose = "-v" in argv or "--verbose" in argv
    grdump_arg = None
    if "--grdump" in argv:
        grdump_arg = argv[argv.index("--grdump") + 1]
        args = [a for a in args if a != grdump_arg]
    corpus = args[0] if args else os.path.join(os.path.dirname(ROOT), "shared", "corpus")
    truth_dir = os.path.join(corpus, "truth")
    seed_dir = os.path.join(corpus, "seeds")
    if not os.path.isdir(truth_dir) or not os.path.isdir(seed_dir):
        print("corpus: skipped (no ../shared/corpus)")
        return 0
    grdump = find_grdump(grdump_arg)
    if not grdump:
        print("corpus: cannot build test/tools/grdump", file=sys.stderr)
        return 2

    whole = "--whole" in argv
    whole_cache = {}
    results = []
    for name in sorted(os.listdir(truth_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(truth_dir, name), encoding="utf-8") as f:
            truth = json.load(f)
        rid = truth.get("report_id", name[:-5])
        res = Result(rid, truth["format"])
        results.append(res)
        with open(os.path.join(seed_dir, truth["seed_file"]), "rb") as f:
            seed = f.read()
        if whole:
            doc = seed.decode("utf-8")
            if truth["seed_file"] not in whole_cache:
                whole_cache[truth["seed_file"]] = run_grdump(grdump, doc)
            out, err = whole_cache[truth["seed_file"]]
            if err:
                res.check(False, err)
                continue
            lo, hi = line_byte_range(seed, truth["line_range"])
            rep = pick_by_span(out, lo, hi)
            if rep is None:
                res.check(False, "no parsed report overlaps lines %d-%d (parser found %d in the file)" % (
                    truth["line_range"][0], truth["line_range"][1], len(out)))
                continue
        else:
            doc = cut_seed(seed, truth["line_range"])
            out, err = run_grdump(grdump, doc)
            if err:
                res.check(False, err)
                continue
            if len(out) != 1:
                res.check(False, "expected 1 report in lines %d-%d, parser found %d%s" % (
                    truth["line_range"][0], truth["line_range"][1], len(out),
                    "" if not out else " (%s)" % ", ".join("%s/%s" % (r.get("format"), r.get("year"))
                                                           for r in out)))
            rep = pick(out, truth)
            if rep is None:
                continue
        if verbose and rep.get("warnings"):
            res.notes.append("warnings: %s" % "; ".join(rep["warnings"]))
        legacy = truth["format"] not in TEMPLATE_FORMATS
        check_meta(res, truth, rep, legacy)
        if legacy:
            check_legacy(res, truth, rep)
        else:
            check_template(res, truth, rep)
        check_positions(res, doc, rep)

    def show(res):
        print("%s %-9s %-20s %d checks%s" % ("PASS" if res.ok else "FAIL", res.rid, res.fmt, res.checked,
                                             "" if res.ok else ", %d problem(s)" % len(res.problems)))
        for n in res.notes:
            if verbose or not res.ok:
                print("       note: " + n)
        for p in res.problems[:25]:
            print("       " + p)
        if len(res.problems) > 25:
            print("       ... %d more" % (len(res.problems) - 25))

    tmpl = [r for r in results if r.fmt in TEMPLATE_FORMATS]
    legacy = [r for r in results if r.fmt not in TEMPLATE_FORMATS]
    print("template reports")
    for r in tmpl:
        show(r)
    print("legacy formats (%s)" % ("counted: --all" if all_mode else "informational"))
    for r in legacy:
        show(r)
    print("legacy: %d passed, %d failed" % (sum(r.ok for r in legacy), sum(not r.ok for r in legacy)))
    counted = results if all_mode else tmpl
    npass = sum(r.ok for r in counted)
    nfail = len(counted) - npass
    print("corpus: %d passed, %d failed" % (npass, nfail))
    return 0 if nfail == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
