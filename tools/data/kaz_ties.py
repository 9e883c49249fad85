#!/usr/bin/env python3
"""Extend the built-in Kazakhstan model's ties with the newer source files.

Developer tool (standard library only: values must stay the exact strings of
the source, so cells are read as text and summed as decimals). Reads the
gathered data in /work/shared/data (SOURCES.md sections named below), never at
run time, and adds to data/models/kaz/ties.csv:

  exports, imports   2024, 2025   BNS partner tables (SOURCES.md section 23)
  arms               2014-2025    SIPRI register, TIV of deliveries to KAZ by
                                  supplier and year (section 3); the rows
                                  2018-2024 already shipped are first
                                  recomputed and must match exactly
  migrants_abroad,   2000-2020    UN DESA International Migrant Stock 2020,
  migrants_in        (5-yearly)   Male + Female (section 22); the 2019 rows of
                                  the 2019 revision are kept

and writes data/models/kaz/staging/remittances_usd.csv (KNOMAD bilateral
matrices 2017 and 2021, section 16): USD estimates that do not fit the unit of
the remittances_in domain (percent), so they are proposed, not shipped.

Usage (repository root):
    /usr/bin/python3 tools/data/kaz_ties.py [DATA_DIR]
DATA_DIR defaults to ../shared/data beside the main checkout (/work/shared/data).
tools/data/build_kaz_model.py calls extend() too, so a full rebuild keeps these rows.
"""

import argparse
import csv
import io
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KAZ = REPO / "data/models/kaz"

TRADE_DIR = "kaz_bns_trade_by_partner_2024_2025"
TRADE_FILES = {"exports": "kz_exports_by_partner_2024_2025.csv", "imports": "kz_imports_by_partner_2024_2025.csv"}
TRADE_YEARS = {"2024-12-31": 2024, "2025-12-31": 2025}
# SOURCES.md section 23 "Checked" (2): sums of the partner rows, thousand US$.
TRADE_TOTALS = {("exports", 2024): "81674053.0439", ("exports", 2025): "79229500.54826",
                ("imports", 2024): "60397969.38396", ("imports", 2025): "65430964.02714"}
SIPRI_CSV = "sipri_arms_transfers/trade_register_deliveries_1995_2025.csv"
ARMS_YEARS = (2014, 2025)
ARMS_SHIPPED = (2018, 2024)  # the rows built before this tool; reproduced exactly first
UNDESA_CSV = "undesa_migrant_stock_2020/undesa_ims2020_bilateral_stock_by_sex.csv"
MIGRANT_YEARS = (2000, 2005, 2010, 2015, 2020)
# gdiviz pseudo-codes with no ISO 3166-1 code: "Others", Channel Islands (Guernsey + Jersey).
UNDESA_NO_CODE = {"XXX", "CHI"}
KNOMAD = {2017: "wb_knomad_remittances/bilateral_remittance_matrix_2017_long.csv",
          2021: "wb_knomad_remittances/bilateral_remittance_matrix_2021_long.csv"}
# World Bank names that are not iso-codes names (only those sending to Kazakhstan).
KNOMAD_NAMES = {"Egypt, Arab Rep.": "EGY", "Korea, Rep.": "KOR", "Turkey": "TUR", "WORLD": "WLD"}
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

BNS = "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of Kazakhstan"
SOURCES = {
    "bns-exports-2024-2025": (
        BNS,
        "Основные показатели внешней торговли РК по странам (BNS dataset 312101): exports by country of "
        "destination, 2024 (edition 347386, final, 2025-07-25) and 2025 (edition 347387, final, 2026-07-27); "
        "thousand US dollars; long-form extract by the kazakhstan-economic-data pipeline",
        "2026",
        "https://github.com/makenerzhan-gif/kazakhstan-economic-data, file data/processed/dims/"
        "kz_exports_by_partner.csv, commit 4384ebd481396b3425986e024c69934f4f20c6b5 (rows 2024-12-31 and "
        "2025-12-31; copy: kaz_bns_trade_by_partner_2024_2025/kz_exports_by_partner_2024_2025.csv)",
    ),
    "bns-imports-2024-2025": (
        BNS,
        "Основные показатели внешней торговли РК по странам (BNS dataset 312101): imports by country of "
        "origin, 2024 (edition 347386, final, 2025-07-25) and 2025 (edition 347387, final, 2026-07-27); "
        "thousand US dollars; long-form extract by the kazakhstan-economic-data pipeline",
        "2026",
        "https://github.com/makenerzhan-gif/kazakhstan-economic-data, file data/processed/dims/"
        "kz_imports_by_partner.csv, commit 826002bcfdb4eb42d65d24e83a0846b38e53bdd7 (rows 2024-12-31 and "
        "2025-12-31; copy: kaz_bns_trade_by_partner_2024_2025/kz_imports_by_partner_2024_2025.csv)",
    ),
    "undesa-ims-2020": (
        "United Nations, Department of Economic and Social Affairs, Population Division",
        "International Migrant Stock 2020: migrant stock by sex, destination and origin "
        "(undesa_pd_2020_ims_stock_by_sex_destination_and_origin.xlsx, Table 1), in the long form of the "
        "gdiviz R package (data/stocks.rda); both sexes = Male + Female",
        "2020",
        "https://github.com/ksreyes/gdiviz, file data/stocks.rda, commit "
        "a3cbe1c0293c5c385d94cfaf4ad85e91b1cc8013 (copy: undesa_migrant_stock_2020/"
        "undesa_ims2020_bilateral_stock_by_sex.csv)",
    ),
}
STAGING_SOURCES = {
    "knomad-brm-2017": (
        "World Bank / KNOMAD",
        "Bilateral Remittance Estimates for 2017 using Migrant Stocks, Host Country Incomes, and Origin "
        "Country Incomes (millions of US$) (April 2018 Version); model estimates, not reported data",
        "2018",
        "https://github.com/hbenveniste/mig-fund, file input_data/WB_Bilateral_Remittance_Estimates_2017.xlsx, "
        "commit c89242e4d57388203dba0e95af8871cf217597c0 (copy: wb_knomad_remittances/"
        "bilateral_remittance_matrix_2017_long.csv)",
    ),
    "knomad-brm-2021": (
        "World Bank / KNOMAD",
        "KNOMAD/World Bank Bilateral Remittance Matrix 2021 (December 2022 Version): Bilateral Remittance "
        "Estimates for 2021 using Migrant Stocks, Host Country Incomes, and Origin Country Incomes "
        "(millions of US$); model estimates, not reported data",
        "2022",
        "https://github.com/raulincadet/Macro, file Remittance/bilateral_remittance_matrix_2021_0.xlsx, "
        "commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3 (copy: wb_knomad_remittances/"
        "bilateral_remittance_matrix_2021_long.csv)",
    ),
}
TIES_HEADER = ["domain", "partner", "year", "value", "source", "note"]
SOURCES_HEADER = ["id", "publisher", "title", "year", "address"]


def dec_str(d):
    return format(d.normalize(), "f")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path.relative_to(REPO)} ({len(rows)} rows)")


def fail(msg):
    sys.exit(f"kaz_ties: {msg}")


# ------------------------------------------------------------------ trade
def build_trade(data, codes):
    out = []
    for flow, name in TRADE_FILES.items():
        sums = defaultdict(Decimal)
        seen = set()
        for line, r in enumerate(read_csv(data / TRADE_DIR / name), start=2):
            year = TRADE_YEARS.get(r["date"])
            if year is None or r["region"] != "national" or r["transformation"] != "level":
                fail(f"{name}:{line}: unexpected date/region/transformation {r['date']!r}")
            code, value = r["item_code"], r["value"].strip()
            if code not in codes or code in ("WLD", "XUN", "KAZ"):
                fail(f"{name}:{line}: partner code {code!r} is not a partner country of countries.csv")
            if (code, year) in seen:
                fail(f"{name}:{line}: duplicate partner {code} in {year}")
            seen.add((code, year))
            d = Decimal(value)
            if d < 0:
                fail(f"{name}:{line}: negative value {value}")
            sums[year] += d
            if d > 0:
                out.append([flow, code, str(year), value, f"bns-{flow}-2024-2025", ""])
        for year, s in sorted(sums.items()):
            want = Decimal(TRADE_TOTALS[(flow, year)])
            if s != want:
                fail(f"{flow} {year}: partner rows sum to {s}, SOURCES.md says {want}")
            print(f"CHECK bns {flow} {year}: partner rows sum {dec_str(s)} = SOURCES.md total (exact)")
    return out


# ------------------------------------------------------------------ SIPRI
def read_sipri(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    body = [ln[:-1] if ln.endswith(";") else ln for ln in lines[11:]]  # 11 note lines, then the header
    rows = list(csv.DictReader(io.StringIO("\n".join(body) + "\n")))
    if not rows or "TIV delivery values" not in rows[0]:
        fail("SIPRI: unexpected header")
    return rows


def arms_rows(rows_in, sipri_code, first, last):
    """TIV of deliveries to Kazakhstan, summed by supplier and delivery year (decimal sums)."""
    sums = defaultdict(Decimal)
    for r in rows_in:
        if r["Recipient"] != "Kazakhstan":
            continue
        y, v = int(r["Delivery year"]), r["TIV delivery values"].strip()
        if not (first <= y <= last) or v == "":
            continue
        code = sipri_code(r["Supplier"])
        if not code:
            fail(f"SIPRI: supplier {r['Supplier']!r} to Kazakhstan has no code")
        sums[(code, y)] += Decimal(v)
    out = []
    for (code, y), v in sorted(sums.items()):
        note = "SIPRI 'unknown supplier(s)'" if code == "XUN" else ""
        if v == 0:
            note = (note + "; " if note else "") + "SIPRI '0' = between 0 and 0.5 million TIV"
        out.append(["arms", code, str(y), dec_str(v), "sipri-at-2026", note])
    return out


def build_arms(data, sipri_code, shipped):
    rows_in = read_sipri(data / SIPRI_CSV)
    again = arms_rows(rows_in, sipri_code, *ARMS_SHIPPED)
    key = lambda t: (t[1], int(t[2]))
    old = sorted((t for t in shipped if t[0] == "arms" and ARMS_SHIPPED[0] <= int(t[2]) <= ARMS_SHIPPED[1]), key=key)
    if [list(t) for t in old] != sorted(again, key=key):
        fail("SIPRI: recomputed 2018-2024 arms rows differ from the shipped ones: method not reproduced")
    print(f"CHECK sipri: the {len(old)} shipped arms rows {ARMS_SHIPPED[0]}-{ARMS_SHIPPED[1]} reproduced exactly")
    out = arms_rows(rows_in, sipri_code, *ARMS_YEARS)
    years = sorted({int(t[2]) for t in out})
    print(f"  info sipri: delivery years with rows: {years}; "
          f"latest delivery year in the whole register: {max(int(r['Delivery year']) for r in rows_in)}")
    tot = sum(Decimal(t[3]) for t in out if 2020 <= int(t[2]) <= 2024)
    rus = sum(Decimal(t[3]) for t in out if 2020 <= int(t[2]) <= 2024 and t[1] == "RUS")
    print(f"CHECK sipri: 2020-2024 Russia {dec_str(rus)} of {dec_str(tot)} = {float(rus / tot):.4f} "
          f"(SIPRI, as reported: 88 percent)")
    return out


# ------------------------------------------------------------------ UN DESA 2020
def build_migrants(data, codes):
    both = defaultdict(int)
    for r in read_csv(data / UNDESA_CSV):
        if r["to"] != "KAZ" and r["from"] != "KAZ":
            continue
        if r["sex"] not in ("Male", "Female"):
            fail(f"UN DESA 2020: unexpected sex {r['sex']!r}")
        both[(r["to"], r["from"], int(r["t"]))] += int(r["v"])
    out, skipped = [], []
    for (to, frm, t), v in sorted(both.items()):
        if t not in MIGRANT_YEARS or to == frm or v <= 0:
            continue
        domain, partner = ("migrants_abroad", to) if frm == "KAZ" else ("migrants_in", frm)
        if partner in UNDESA_NO_CODE:
            skipped.append((domain, partner, t, v))
            continue
        if partner not in codes:
            fail(f"UN DESA 2020: code {partner} not in countries.csv")
        out.append([domain, partner, str(t), str(v), "undesa-ims-2020", ""])
    for s in skipped:
        print(f"  info undesa 2020: skipped pseudo-code cell {s}")
    get = {(d, p, y): v for d, p, y, v, _, _ in out}
    for key, want in ((("migrants_in", "RUS", "2020"), "2476018"), (("migrants_abroad", "RUS", "2020"), "2558907"),
                      (("migrants_abroad", "DEU", "2020"), "1128201"), (("migrants_in", "UZB", "2020"), "296511")):
        if get.get(key) != want:
            fail(f"UN DESA 2020: {key} = {get.get(key)}, SOURCES.md says {want}")
    total_in = sum(v for (to, frm, t), v in both.items() if to == "KAZ" and t == 2020)
    if total_in != 3732073:
        fail(f"UN DESA 2020: stock in KAZ 2020 = {total_in}, SOURCES.md says 3732073")
    print("CHECK undesa 2020: RUS in 2476018, RUS abroad 2558907, DEU abroad 1128201, UZB in 296511, "
          "stock in KAZ 3732073 (SOURCES.md)")
    return out


# ------------------------------------------------------------------ KNOMAD (staging only)
def build_remittances_usd(data, iso_json):
    with open(iso_json, encoding="utf-8") as f:
        by_name = {e[k]: e["alpha_3"] for e in json.load(f)["3166-1"]
                   for k in ("name", "official_name", "common_name") if e.get(k)}
    out = []
    for year, rel in sorted(KNOMAD.items()):
        for line, r in enumerate(read_csv(data / rel), start=2):
            v = r["remittances_musd"].strip()
            if r["receiving_country"] != "Kazakhstan" or v == "" or Decimal(v) <= 0:
                continue
            name = r["sending_country"]
            code = KNOMAD_NAMES.get(name) or by_name.get(name)
            if not code:
                fail(f"{rel}:{line}: sender {name!r} has no ISO3 code")
            if code == "KAZ":
                continue
            note = "WORLD total of the matrix (all senders)" if code == "WLD" else ""
            out.append(["remittances_in", code, str(year), v, f"knomad-brm-{year}", note])
    return sorted(out, key=lambda t: (t[1], int(t[2])))


# ------------------------------------------------------------------ assembling
NEW_DOMAIN_YEARS = lambda t: (t[0] in ("exports", "imports") and int(t[2]) >= 2024) or t[0] == "arms" \
    or t[4] == "undesa-ims-2020"


def extend(ties, data, codes, sipri_code):
    """ties (rows as lists) with the rows of this tool in place of any earlier version of them."""
    arms = build_arms(data, sipri_code, ties)
    kept = [list(t) for t in ties if not NEW_DOMAIN_YEARS(t)]
    new = build_trade(data, codes) + arms + build_migrants(data, codes)
    out = kept + new
    keys = [(t[0], t[1], t[2]) for t in out]
    if len(keys) != len(set(keys)):
        fail("duplicate (domain, partner, year) in ties")
    return sorted(out, key=lambda t: (t[0], t[1], int(t[2])))


def write_staging(data, iso_json=ISO_JSON):
    rows = build_remittances_usd(data, iso_json)
    write_csv(KAZ / "staging/remittances_usd.csv", TIES_HEADER, rows)
    write_csv(KAZ / "staging/sources.csv", SOURCES_HEADER, sorted([k, *v] for k, v in STAGING_SOURCES.items()))
    for y in sorted(KNOMAD):
        w = [t for t in rows if t[2] == str(y) and t[1] == "WLD"]
        print(f"  info knomad {y}: {len([t for t in rows if t[2] == str(y)]) - 1} senders, WORLD {w[0][3] if w else '?'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("data_dir", nargs="?", default="/work/shared/data", help="gathered data directory")
    data = Path(ap.parse_args().data_dir).resolve()
    codes = {r["iso3"] for r in read_csv(REPO / "data/reference/countries.csv")}
    sipri = {r["name"]: r["iso3"] for r in read_csv(REPO / "data/reference/country_names.csv")
             if r["dataset"] == "sipri"}
    ties = [[r[k] for k in TIES_HEADER] for r in read_csv(KAZ / "ties.csv")]
    ties = extend(ties, data, codes, lambda n: sipri.get(n, ""))
    sources = {r["id"]: [r[k] for k in SOURCES_HEADER[1:]] for r in read_csv(KAZ / "sources.csv")}
    sources.update({k: list(v) for k, v in SOURCES.items()})
    used = {t[4] for t in ties}
    if used - set(sources):
        fail(f"source ids without a sources.csv row: {used - set(sources)}")
    write_csv(KAZ / "ties.csv", TIES_HEADER, ties)
    write_csv(KAZ / "sources.csv", SOURCES_HEADER, sorted([k, *sources[k]] for k in used))
    write_staging(data)
    cnt = defaultdict(int)
    for t in ties:
        cnt[(t[0], t[2])] += 1
    print("ties per domain-year: " + ", ".join(f"{d} {y}: {c}" for (d, y), c in sorted(cnt.items())))


if __name__ == "__main__":
    main()
