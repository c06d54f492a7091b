#!/usr/bin/env python3
"""Check the heldout2 gold files against their texts.

Run from anywhere: python3 testdata/heldout2/check.py
Checks, per gold file:
  - the shape (top-level keys and record keys as in testdata/gold/*.json);
  - every quote of citations, targets and budgets, and every project name,
    occurs in the text (NFC, exact);
  - every target value (and value_max) is a figure of its quote (Vietnamese
    grouping '.' and decimal ',', scale words triệu/nghìn, number words);
  - every budget amount equals the figure of its quote times its unit
    (the quote's own unit, else the table's 'Đơn vị tính' / '(đồng)' header);
  - every project amount is written in the text after the project's name in
    the table's unit, and project rows sum to the table's 'Tổng cộng' row
    (per source column where the table has them);
  - document number and issue date match the header lines.
Exits 1 on any failure.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SCALE = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
NUM = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")

def nfc(s):
    return unicodedata.normalize("NFC", s)

def num(s):
    return float(s.replace(".", "").replace(",", "."))

def figures(q):
    """All numbers in q, with a following scale word applied, plus number words."""
    out = []
    for m in NUM.finditer(q):
        v = num(m.group())
        rest = q[m.end():].lstrip()
        for w, k in SCALE.items():
            if rest.startswith(w):
                out.append(v * k)
        out.append(v)
    for w in re.findall(r"\w+", q.lower()):
        if w in WORDS:
            out.append(WORDS[w])
    return out

def money(q, table_scale):
    """đồng value of a money quote: '1 tỷ 250 triệu đồng', '61,2 tỷ đồng', '148.620'."""
    parts = re.findall(r"(" + NUM.pattern + r")\s*(tỷ|tỉ|triệu|nghìn|ngàn)?", q)
    parts = [(a, b) for a, b in parts if a]
    if not parts:
        return None
    if len(parts) > 1 and all(b for a, b in parts):  # mixed form: Σ number × scale
        return sum(num(a) * SCALE[b] for a, b in parts)
    a, b = parts[-1]
    if b:
        return num(a) * SCALE[b]
    if "đồng" in q:
        return num(a)
    return num(a) * table_scale

def fmt_vn(v):
    s = f"{int(v):,}".replace(",", ".")
    return s

TOP = {"source", "document", "citations", "targets", "budgets", "projects", "notes"}
DOCK = {"number", "type", "province", "province_now", "issue_date", "period"}
TK = {"kind", "indicator", "value", "value_max", "unit", "comparator", "year", "scope", "quote"}
BK = {"kind", "amount_vnd", "source", "year", "period", "quote"}
PK = {"name", "amount_vnd"}
CK = {"type", "date", "quote"}

def check(path, errs):
    d = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)
    src = d["source"]
    assert src.startswith("heldout2/"), src
    text = nfc(open(os.path.join(HERE, "corpus", src.split("/", 1)[1]), encoding="utf-8").read())
    def err(msg):
        errs.append(f"{name}: {msg}")
    if set(d) != TOP:
        err(f"top-level keys {sorted(d)}")
    if not DOCK <= set(d["document"]):
        err("document keys")
    doc = d["document"]
    if f"Số: {doc['number']}" not in text:
        err(f"number {doc['number']} not in header")
    y, m, dd = doc["issue_date"].split("-")
    if not re.search(rf"ngày {int(dd):02d} tháng {int(m):02d} năm {y}|ngày {int(dd)} tháng {int(m)} năm {y}", text):
        err(f"issue date {doc['issue_date']} not in header")
    table_scale = 10**6 if re.search(r"Đơn vị tính:\s*triệu đồng", text) else 1
    for c in d["citations"]:
        if not CK <= set(c):
            err(f"citation keys {c}")
        if nfc(c["quote"]) not in text:
            err(f"citation quote not in text: {c['quote']}")
        if c.get("number") and c["number"] not in c["quote"]:
            err(f"citation number not in its quote: {c['number']}")
        if c["date"]:
            y, m, dd = c["date"].split("-")
            pats = [f"{int(dd):02d}/{int(m)}/{y}", f"{int(dd)}/{int(m)}/{y}", f"{int(dd):02d}/{int(m):02d}/{y}",
                    f"{int(dd)} tháng {int(m)} năm {y}", f"{int(dd):02d} tháng {int(m)} năm {y}", f"{int(dd):02d} tháng {int(m):02d} năm {y}"]
            if not any(p in c["quote"] for p in pats):
                err(f"citation date {c['date']} not in quote {c['quote']}")
    for t in d["targets"]:
        if not TK <= set(t):
            err(f"target keys {t}")
        q = nfc(t["quote"])
        if q not in text:
            err(f"target quote not in text: {q}")
        f = figures(q)
        if t["value"] not in f:
            err(f"target value {t['value']} not a figure of: {q}")
        if t["value_max"] is not None and t["value_max"] not in f:
            err(f"target value_max {t['value_max']} not a figure of: {q}")
        if (t["comparator"] == "range") != (t["value_max"] is not None):
            err(f"range/value_max mismatch: {q}")
        if t["unit"] != "%" and t["unit"] not in q and not q.endswith("%"):
            err(f"unit {t['unit']!r} not in quote: {q}")
        if t["unit"] == "%" and "%" not in q:
            err(f"unit % not in quote: {q}")
        if t["kind"] not in ("target", "achieved") or t["comparator"] not in (">=", ">", "=", "<=", "<", "range"):
            err(f"kind/comparator: {q}")
    for b in d["budgets"]:
        if not BK <= set(b):
            err(f"budget keys {b}")
        q = nfc(b["quote"])
        if q not in text:
            err(f"budget quote not in text: {q}")
        v = money(q, table_scale)
        if v is None or round(v) != b["amount_vnd"]:
            err(f"budget amount {b['amount_vnd']} != quote value {v}: {q}")
    projs = d["projects"]
    for p in projs:
        if not PK <= set(p):
            err(f"project keys {p}")
        n = nfc(p["name"])
        i = text.find(n)
        if i < 0:
            err(f"project name not in text: {n}")
            continue
        if p["amount_vnd"] is not None:
            cell = fmt_vn(p["amount_vnd"] / table_scale)
            if cell not in text[i:i + len(n) + 300]:
                err(f"project amount {cell} not after its name: {n}")
    if projs:
        tot = sum(p["amount_vnd"] or 0 for p in projs)
        tables = [b for b in d["budgets"] if b["kind"] == "total" and "Tổng cộng" in b.get("note", "")]
        if not tables:
            err("projects but no 'Tổng cộng' total budget")
        for b in tables:
            if b["amount_vnd"] != tot:
                err(f"project rows sum to {tot}, table total {b['amount_vnd']}")
        for b in d["budgets"]:
            if b["kind"] == "source" and "Tổng cộng" in b.get("note", ""):
                s = sum(p["amount_vnd"] for p in projs if p["source"] == b["source"] and p["amount_vnd"])
                s += sum(p.get("amounts", {}).get(b["source"], 0) for p in projs if not p["source"])
                if s != b["amount_vnd"]:
                    err(f"{b['source']} rows sum to {s}, table says {b['amount_vnd']}")
    n = {k: len(d[k]) for k in ("citations", "targets", "budgets", "projects")}
    print(f"{name}: {n}, {len(text.encode())} bytes")

def main():
    errs = []
    gd = os.path.join(HERE, "gold")
    for f in sorted(os.listdir(gd)):
        if f.endswith(".json"):
            check(os.path.join(gd, f), errs)
    for e in errs:
        print("FAIL", e)
    print("ok" if not errs else f"{len(errs)} failures")
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    main()
