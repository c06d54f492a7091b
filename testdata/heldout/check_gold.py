#!/usr/bin/env python3
"""Check the held-out gold against its corpus texts.

Run from the repository root:  python3 testdata/heldout/check_gold.py

Asserts, for every gold file in testdata/heldout/gold:
  - every citation / target / budget quote and every project name occurs in
    the source text (NFC, HTML tags stripped for .html, white space folded);
  - every citation's date is the date written in its quote ("" when none);
  - every target's value (and value_max) is written in its quote in
    Vietnamese notation (1.450 / 96,8 / 02);
  - every budget amount equals the figure in its quote times its unit
    (đồng / triệu / tỷ, mixed "48 tỷ 620 triệu", or the table's
    "Đơn vị tính" for bare table cells);
  - every project amount is written in the text in the table's unit;
  - the project rows add up to the appendix total row, and per source to the
    stated source split when the gold has one.
Exits non-zero on the first file with a failure, after listing them all.
"""
import glob
import html
import json
import os
import re
import sys
import unicodedata
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.abspath(__file__))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def load_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = _Text()
        p.feed(raw)
        raw = html.unescape("".join(p.parts))
    return fold(raw)


def fold(s):
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ")
    return " ".join(s.split())


def vn_number(s):
    """'1.450' -> 1450, '96,8' -> 96.8, '02' -> 2."""
    return float(s.replace(".", "").replace(",", "."))


NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALE = {"đồng": 1, "triệu": 10**6, "tỷ": 10**9}
# the unit of bare table cells, per document (from its "Đơn vị tính" line)
TABLE_UNIT = {
    "h1_lamdong_kh_cds_2023": 10**6,
    "h2_hatinh_qd_khcntt_2023": 10**6,
    "h3_hue_kh_cqs_2021_2025": 10**9,
}


def money(quote, table_unit):
    """Amount in đồng written in a budget quote."""
    mixed = re.search(r"(\d+) tỷ (\d+) triệu đồng", quote)
    if mixed:
        return int(mixed.group(1)) * 10**9 + int(mixed.group(2)) * 10**6
    m = re.search(r"(" + NUM + r")\s*(triệu|tỷ)?\s*đồng", quote)
    if m:
        return round(vn_number(m.group(1)) * SCALE[m.group(2) or "đồng"])
    m = re.fullmatch(NUM, quote.strip())
    if m and table_unit:
        return round(vn_number(quote) * table_unit)
    raise ValueError("no amount in %r" % quote)


def check(path):
    name = os.path.basename(path)[:-5]
    g = json.load(open(path, encoding="utf-8"))
    src = os.path.join(ROOT, "corpus", os.path.basename(g["source"]))
    text = load_text(src)
    errs = []

    def need(s, what):
        if fold(s) not in text:
            errs.append("%s not in text: %r" % (what, s))

    for c in g["citations"]:
        need(c["quote"], "citation quote")
        if c.get("number") and c["number"] not in fold(c["quote"]).replace(" ", ""):
            errs.append("citation number %s not in its quote %r" % (c["number"], c["quote"]))
        m = re.search(r"ngày (\d{1,2})[/-](\d{1,2})[/-](\d{4})", c["quote"]) or \
            re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", c["quote"])
        want = "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1))) if m else ""
        if want != c.get("date", ""):
            errs.append("citation date %r but quote %r says %r" % (c.get("date"), c["quote"], want))
    for t in g["targets"]:
        need(t["quote"], "target quote")
        for v in (t["value"], t.get("value_max")):
            if v is None:
                continue
            found = [vn_number(x) for x in re.findall(NUM, t["quote"])]
            if not any(abs(f - v) < 1e-9 for f in found):
                errs.append("target value %s not written in %r" % (v, t["quote"]))
        if t["comparator"] == "range" and t.get("value_max") is None:
            errs.append("range without value_max: %r" % t["quote"])
    unit = TABLE_UNIT.get(name)
    for b in g["budgets"]:
        need(b["quote"], "budget quote")
        try:
            amt = money(b["quote"], unit)
        except ValueError as e:
            errs.append(str(e))
            continue
        if amt != b["amount_vnd"]:
            errs.append("budget %r = %d, gold says %d" % (b["quote"], amt, b["amount_vnd"]))
    for p in g["projects"]:
        need(p["name"], "project name")
        if p["amount_vnd"] is not None and unit:
            v = p["amount_vnd"] / unit
            cell = ("{:,.1f}".format(v) if v != int(v) else "{:,}".format(int(v)))
            cell = cell.replace(",", "X").replace(".", ",").replace("X", ".")
            if not re.search(r"(?<![\d.,])" + re.escape(cell) + r"(?![\d.,])", text):
                errs.append("project amount cell %s (%s) not in text" % (cell, p["name"]))
    if g["projects"]:
        total = sum(p["amount_vnd"] or 0 for p in g["projects"])
        table_totals = [b for b in g["budgets"] if b["kind"] == "total" and "appendix" in b.get("note", "")]
        if not table_totals:
            errs.append("projects without an appendix total budget")
        for b in table_totals:
            if b["amount_vnd"] != total:
                errs.append("project rows sum to %d, table total %d" % (total, b["amount_vnd"]))
        by_src = {}
        for p in g["projects"]:
            by_src[p.get("source", "")] = by_src.get(p.get("source", ""), 0) + (p["amount_vnd"] or 0)
        for b in g["budgets"]:
            if b["kind"] != "source":
                continue
            key = b["source"].replace("ngân sách cấp huyện", "ngân sách huyện")
            if key in by_src and by_src[key] != b["amount_vnd"]:
                errs.append("rows with source %r sum to %d, stated %d" % (key, by_src[key], b["amount_vnd"]))
    return name, g, errs


def main():
    bad = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "gold", "*.json"))):
        name, g, errs = check(path)
        print("%-28s citations %2d  targets %2d  budgets %2d  projects %2d  %s" % (
            name, len(g["citations"]), len(g["targets"]), len(g["budgets"]), len(g["projects"]),
            "OK" if not errs else "%d ERRORS" % len(errs)))
        for e in errs:
            print("   ", e)
        bad += len(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
