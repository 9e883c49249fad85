#!/usr/bin/env python3
"""Build Tengerim's shipped real-data files for the Kazakhstan model.

Developer tool (standard library only). Reads the gathered source data in
/work/shared/data (see its SOURCES.md) and (re)writes, deterministically:

  data/reference/countries.csv      ISO 3166-1 list (Debian iso-codes) + pseudo-codes
  data/reference/country_names.csv  dataset partner names -> ISO3
  data/reference/sources.csv        sources of the two files above
  data/models/kaz/ties.csv          Kazakhstan's ties by domain / partner / year
  data/models/kaz/sources.csv       one row per source id used in ties.csv
  data/models/kaz/staging/          proposed rows not shipped (see kaz_ties.py)
  data/models/kaz/gdp.csv           GDP and Brent prices for losses in money (see kaz_money.py)
  data/models/kaz/prices.csv

The rows of the newer files (BNS 2024-2025, SIPRI 2014-2025, UN DESA 2020)
come from tools/data/kaz_ties.py, which this script calls.

The engine never reads the shared data directory at run time.

Usage:  /usr/bin/python3 tools/data/build_kaz_model.py [DATA_DIR] [--iso-codes FILE]
        DATA_DIR defaults to ../shared/data relative to the repository root.

Rules: real data only; every value carries a source id that resolves to a row
in the matching sources.csv; values are written as the strings found in the
source (CSV cells, or the figures quoted in SOURCES.md); sums are done in
decimal arithmetic so no float round-trip noise appears.
"""

import argparse
import csv
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kaz_ties  # noqa: E402  (the newer files: trade 2024-2025, arms 2014-2025, UN DESA 2020)
import kaz_money  # noqa: E402  (gdp.csv, prices.csv and the remittance totals of valuation.toml)

REPO = Path(__file__).resolve().parents[2]
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

BNS_CSV = "kaz_bns_trade_by_country/kaz_trade_by_country_2018_2023.csv"
SIPRI_CSV = "sipri_arms_transfers/trade_register_deliveries_1995_2025.csv"
UNDESA_CSV = "undesa_migrant_stock_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv"
UNGA_CSV = "unga_ukraine_votes_2014_2022/unga_68_262_and_ES_11_1_votes.csv"

FOCAL = "KAZ"

# --------------------------------------------------------------------------
# Name overrides, per dataset: name -> ISO3, or "" for "no ISO 3166-1 code"
# (aggregates, non-state actors, territories without a code). Applied only
# when the name does not match an iso-codes name/official_name/common_name.
# --------------------------------------------------------------------------
OVERRIDES = {
    "sipri": {
        "Bosnia-Herzegovina": "BIH",
        "Brunei": "BRN",
        "Cote d'Ivoire": "CIV",
        "DR Congo": "COD",
        "eSwatini": "SWZ",
        "Palestine": "PSE",   # iso-codes: "Palestine, State of"
        "Russia": "RUS",
        "Turkiye": "TUR",     # iso-codes 4.15 spells it "Türkiye"
        "UAE": "ARE",
        # Not ISO 3166-1: Kosovo's "XKX" is a user-assigned code (EU/IMF use),
        # not part of the standard -> left empty on purpose.
        "Kosovo": "",
        # Not recognised as a state; no ISO code (territory is within CYP's).
        "Northern Cyprus": "",
        # SIPRI's unknown parties -> pseudo-code XUN (see countries.csv).
        "unknown supplier(s)": "XUN",
        "unknown recipient(s)": "XUN",
        # Multinational organisations (SIPRI marks them "**"): no ISO3.
        "African Union**": "",
        "European Union**": "",   # EU is "EU" only in ISO's reserved list, not a country code
        "NATO**": "",
        "OSCE**": "",
        "Regional Security System**": "",
        "United Nations**": "",
        # Non-state actors (SIPRI marks them "*"): no ISO3; keep them unmapped
        # so importers can report them instead of crediting a state.
        "Darfur rebels (Sudan)*": "",
        "Hamas (Palestine)*": "",
        "Hezbollah (Lebanon)*": "",
        "HoR (Libya)*": "",
        "Houthi rebels (Yemen)*": "",
        "Kurdistan Regional Government (Iraq)*": "",
        "LRA (Uganda)*": "",
        "LTTE (Sri Lanka)*": "",
        "NLA (Macedonia)*": "",
        "NTC (Libya)*": "",
        "Northern Alliance (Afghanistan)*": "",
        "PKK (Turkiye)*": "",
        "PRC (Israel/Palestine)*": "",
        "Palestinian Islamic Jihad (Israel/Palestine)*": "",
        "RUF (Sierra Leone)*": "",
        "SLA (Lebanon)*": "",
        "SNA (Somalia)*": "",
        "Syria rebels*": "",
        "UIC (Somalia)*": "",
        "Ukraine Rebels*": "",
        "United Wa State (Myanmar)*": "",
        "unknown rebel group*": "",
    },
    "undesa": {
        "Bolivia (Plurinational State of)": "BOL",
        "China, Hong Kong SAR": "HKG",
        "China, Macao SAR": "MAC",
        "Dem. People's Republic of Korea": "PRK",
        "Democratic Republic of the Congo": "COD",
        "Holy See": "VAT",
        "Iran (Islamic Republic of)": "IRN",
        "Micronesia (Fed. States of)": "FSM",
        "Republic of Korea": "KOR",
        # UN DESA "Saint Helena" = ISO SHN "Saint Helena, Ascension and Tristan da Cunha"
        "Saint Helena": "SHN",
        "State of Palestine": "PSE",
        "Turkey": "TUR",
        "United States Virgin Islands": "VIR",
        "Venezuela (Bolivarian Republic of)": "VEN",
        "Wallis and Futuna Islands": "WLF",
        # Channel Islands = Jersey (JEY) + Guernsey (GGY) combined: no single code.
        "Channel Islands": "",
        # Regional aggregates (M49 regions), not countries. Note: "Micronesia"
        # here is the region; the state is "Micronesia (Fed. States of)".
        "Caribbean": "",
        "Melanesia": "",
        "Micronesia": "",
        "Polynesia": "",
        "South America": "",
    },
    "unga_ukraine": {
        "Bosnia and Herz.": "BIH",
        "Bosnia-Herzegovina": "BIH",
        "Brunei": "BRN",
        "Cape Verde": "CPV",
        "Central African Rep.": "CAF",
        "Dem. Rep. Congo": "COD",
        "Dominican Rep.": "DOM",
        "Eq. Guinea": "GNQ",
        "Macedonia": "MKD",
        "Micronesia": "FSM",  # a UN member list: the Federated States of Micronesia
        "Republic of Korea": "KOR",
        "Russia": "RUS",
        "S. Sudan": "SSD",
        "Saint Vincent and Grenadines": "VCT",
        "Swaziland": "SWZ",
        "eSwatini": "SWZ",
        "São Tomé and Príncipe": "STP",
        "Turkey": "TUR",
    },
}

# UN DESA names that are aggregates (not countries/territories): excluded from ties.
UNDESA_AGGREGATES = {"Caribbean", "Melanesia", "Micronesia", "Polynesia", "South America"}

# --------------------------------------------------------------------------
# Published figures (quoted in /work/shared/data/SOURCES.md). Values are the
# strings as read there (decimal comma -> point). partner, value, note.
# --------------------------------------------------------------------------
FDI_2021 = [  # SOURCES.md "Investment (FDI)", quotedbusiness.com (NBK, mid-2021 stock)
    ("NLD", "60", 'source says "oltre 60 mld" (over 60): a lower bound'),
    ("USA", "39.5", ""),
    ("RUS", "4.8", 'source: "Russia and China 4,8 mld e 5,2 mld" (Russia 4.8)'),
    ("CHN", "5.2", 'source: "Russia and China 4,8 mld e 5,2 mld" (China 5.2)'),
    ("WLD", "152.8", "total FDI stock in Kazakhstan, mid-2021; partners not listed are unallocated"),
]
FDI_INFLOW_2022 = [  # SOURCES.md "Investment (FDI)": news-pravda.com citing TASS, 2023-07-20 (Deputy FM Aidarov)
    ("USA", "5.1", 'source: "5,1 milliards de dollars" (+81.9 %)'),
    ("RUS", "1.5", 'source: "1,5 milliard de dollars" (-19.7 %)'),
    ("CHN", "1.4", 'source: "1,4 milliard" (-22.4 %)'),
    ("WLD", "28", "gross FDI inflow 2022 (\"28 milliards de dollars\"); partners not listed are unallocated"),
]
REMIT_2024 = [  # SOURCES.md "Migration, remittances": TASS 2024-08-19, NBK, H1 2024 senders to KAZ
    ("RUS", "28.3", ""),
    ("USA", "12.4", ""),
    ("KOR", "11.2", ""),
    ("UZB", "9.7", ""),
    ("TUR", "7.4", ""),
    ("WLD", "100", "all money transfers received, H1 2024; partners not listed are unallocated"),
]
# Routes whose first foreign state is Russia: CPC pipeline (to Novorossiysk), the
# Atyrau–Samara section (into Transneft's system), Aktau port -> Makhachkala.
OIL_RUS_PARTS = [("46.3", "CPC"), ("7.2", "Atyrau–Samara"), ("1.6", "Aktau→Makhachkala")]
OIL_RUS_EXPECTED = "55.1"
OIL_2024 = [  # SOURCES.md "Energy export routes": Trend 2024-11-24, Ministry of Energy, Jan–Oct 2024
    ("AZE", "1.2", "Jan–Oct 2024; shipped from the port of Aktau to the Baku–Tbilisi–Ceyhan pipeline "
                   "(Azerbaijan = first state on the route)"),
    ("CHN", "1", 'Jan–Oct 2024; Atasu–Alashankou pipeline; source says "more than 1 million tons": a lower bound'),
    # No WLD row: the 57.8 Mt total in the same article includes 15.1 Mt delivered to
    # domestic refineries, so it is not an export total; shares are over the routes listed.
]

SOURCES_MODEL = {
    # id: (publisher, title, year, address)
    "sipri-at-2026": (
        "Stockholm International Peace Research Institute (SIPRI)",
        "SIPRI Arms Transfers Database, trade register: transfers of major conventional arms, "
        "deliveries 1995–2025 (data generated 12 Feb 2026)",
        "2026",
        "https://github.com/nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-, "
        "file trade_register.csv, commit 3bcd6c41730f26878edc344425896f57c83dcb29",
    ),
    "undesa-ims-2019": (
        "United Nations, Department of Economic and Social Affairs, Population Division",
        "International Migrant Stock 2019: migrant stock by origin and destination "
        "(UN_MigrantStockByOriginAndDestination_2019)",
        "2019",
        "https://github.com/guyabel/stepladderChapter, file "
        "archive/UN_MigrantStockByOriginAndDestination_2019_clean.csv, "
        "commit dfa46c6512b0242bd3c82b822ed21a06eb2d7fcf",
    ),
    "nbk-fdi-2021-quotedbusiness": (
        "National Bank of Kazakhstan, as reported by quotedbusiness.com",
        "Chi investe nell'economia del Paese asiatico (article, Italian; title from the page address) "
        "— FDI stock in Kazakhstan by investor country, mid-2021",
        "",  # publication year not stated in SOURCES.md
        "https://quotedbusiness.com/thm-17-economia/paese-114-kazakistan/"
        "art-8676-chi-investe-nell-economia-del-paese-asiatico",
    ),
    "mfa-fdi-2022-tass": (
        "Ministry of Foreign Affairs of Kazakhstan (Deputy Minister Almas Aidarov), as reported by TASS "
        "via francais.news-pravda.com",
        "Gross FDI inflow to Kazakhstan in 2022 and its main sources (article of 2023-07-20, French)",
        "2023",
        "francais.news-pravda.com, 2023-07-20, citing TASS (page address not recorded in SOURCES.md)",
    ),
    "nbk-remit-2024-tass": (
        "National Bank of Kazakhstan, as reported by TASS",
        "TASS report (2024-08-19) on money transfers to and from Kazakhstan in H1 2024, by country",
        "2024",
        "TASS, 2024-08-19 (page address not recorded in SOURCES.md)",
    ),
    "moe-oil-2024-trend": (
        "Ministry of Energy of the Republic of Kazakhstan, as reported by Trend News Agency",
        "Trend report (2024-11-24) on oil transportation through Kazakhstan's main pipelines, "
        "January–October 2024",
        "2024",
        "https://en.trend.az/business/3974518.html",
    ),
}
BNS_FILES = {
    2019: "Основные показатели внешней торговли_2019.xls",
    2020: "Основные показатели внешней торговли_2020.xls",
    2021: "Основные показатели внешней торговли_2021.xls",
    2022: "Основные показатели внешней торговли по странам_2022.xls",
    2023: "Основные показатели внешней торговли по странам_2023.xls",
}
BNS_COMMIT = "5a0f32ea451bd1ed9ea220465e95d2b6a340ae9a"

SOURCES_REFERENCE = {
    "iso-codes": (
        "Debian iso-codes project (ISO 3166-1 data)",
        "iso-codes 4.15: iso_3166-1.json (ISO 3166-1 country codes and names)",
        "",
        "Debian package iso-codes 4.15.0-1, file /usr/share/iso-codes/json/iso_3166-1.json",
    ),
    "tengerim": (
        "Tengerim project",
        "Pseudo-codes, hand-written name mappings and documented judgements "
        "(tools/data/build_kaz_model.py, tools/data/build_reference.py)",
        "",
        "tools/data/build_kaz_model.py and tools/data/build_reference.py in this repository",
    ),
}


# CSV helpers shared with kaz_ties.py (one definition of each).
dec_str, write_csv, read_csv, read_sipri = kaz_ties.dec_str, kaz_ties.write_csv, kaz_ties.read_csv, kaz_ties.read_sipri


# ------------------------------------------------------------------ ISO codes
def load_iso(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    by_name = {}
    for e in entries:
        for field in ("name", "official_name", "common_name"):
            n = e.get(field)
            if n is None:
                continue
            if n in by_name and by_name[n] != e["alpha_3"]:
                sys.exit(f"iso-codes name collision: {n}")
            by_name[n] = e["alpha_3"]
    return entries, by_name


def countries_rows(entries):
    rows = [[e["alpha_3"], e["alpha_2"], e["numeric"].zfill(3), e["name"], "iso-codes"] for e in entries]
    rows.append(["WLD", "", "", "World (domain total for the year; partners not listed are unallocated)", "tengerim"])
    rows.append(["XUN", "", "", "Unknown partner (e.g. SIPRI 'unknown supplier(s)')", "tengerim"])
    return sorted(rows)


# ------------------------------------------------------------------ mapping
class Mapper:
    def __init__(self, by_name, codes):
        self.by_name = by_name
        self.codes = codes
        self.rows = {}  # (dataset, name) -> (iso3, source)

    def map(self, dataset, name):
        key = (dataset, name)
        if key in self.rows:
            return self.rows[key][0]
        if name in self.by_name:
            iso3, src = self.by_name[name], "iso-codes"
        elif name in OVERRIDES.get(dataset, {}):
            iso3, src = OVERRIDES[dataset][name], "tengerim"
        else:
            iso3, src = "", "tengerim"
            print(f"  WARNING unmapped name without override: {dataset}: {name!r}")
        if iso3 and iso3 not in self.codes:
            sys.exit(f"mapping to unknown code {iso3} for {dataset}:{name}")
        self.rows[key] = (iso3, src)
        return iso3

    def set(self, dataset, name, iso3, source):
        key = (dataset, name)
        if key in self.rows and self.rows[key][0] != iso3:
            sys.exit(f"{dataset}: name {name!r} mapped to both {self.rows[key][0]} and {iso3}")
        if iso3 not in self.codes:
            sys.exit(f"{dataset}: code {iso3} for {name!r} is not in countries.csv")
        self.rows[key] = (iso3, source)

    def table(self):
        return sorted([d, n, iso3, src] for (d, n), (iso3, src) in self.rows.items())


# ------------------------------------------------------------------ BNS trade
def build_trade(data, mapper):
    rows_in = read_csv(data / BNS_CSV)
    # year -> edition to use: 2018 only in edition 2019 (sheet 12_2018); else edition == year
    pick = {2018: ("2019", "12_2018")}
    for y in range(2019, 2024):
        pick[y] = (str(y), None)
    out = []
    check = []
    for y, (ed, sheet) in sorted(pick.items()):
        sel = [r for r in rows_in if r["year"] == str(y) and r["edition"] == ed
               and (sheet is None or r["sheet"] == sheet)]
        sheets = {r["sheet"] for r in sel}
        if len(sheets) != 1:
            sys.exit(f"BNS {y}: expected one sheet in edition {ed}, got {sheets}")
        total = [r for r in sel if r["code"] == "TOTAL"]
        if len(total) != 1:
            sys.exit(f"BNS {y}: no unique TOTAL row")
        countries = [r for r in sel if r["is_aggregate"] == "0"]
        seen = set()
        for flow in ("exports", "imports"):
            s = Decimal(0)
            for r in countries:
                v = r[f"{flow}_kusd"].strip()
                if v == "" or Decimal(v) == 0:
                    continue
                s += Decimal(v)
                out.append([flow, r["code"], str(y), v, f"bns-ed{ed}", ""])
            t = Decimal(total[0][f"{flow}_kusd"])
            check.append((y, flow, abs(s - t) / t))
        for r in countries:
            if r["code"] in seen:
                sys.exit(f"BNS {y}: duplicate partner {r['code']}")
            seen.add(r["code"])
    # mapping rows: every non-aggregate name_ru in the file -> its code column
    for r in rows_in:
        if r["is_aggregate"] == "0":
            mapper.set("bns", r["name_ru"], r["code"], "tengerim")
    for y, flow, d in check:
        print(f"  bns {y} {flow}: |sum(countries) - TOTAL| / TOTAL = {float(d):.3e}")
    worst = max(check, key=lambda c: c[2])
    print(f"CHECK bns: country rows vs TOTAL, max relative difference = {float(worst[2]):.3e} "
          f"({worst[0]} {worst[1]})")
    # information only: revisions between editions for the same year
    for y in range(2019, 2023):
        a = {r["code"]: r for r in rows_in if r["year"] == str(y) and r["edition"] == str(y)}
        b = {r["code"]: r for r in rows_in if r["year"] == str(y) and r["edition"] == str(y + 1)}
        diff = sum(1 for c in a if c in b for f in ("exports_kusd", "imports_kusd")
                   if (a[c][f] or "0") != (b[c][f] or "0")
                   and Decimal(a[c][f] or 0) != Decimal(b[c][f] or 0))
        print(f"  info bns {y}: {diff} export/import cells differ between editions {y} and {y + 1} "
              f"(edition {y} used)")
    return out


# ------------------------------------------------------------------ SIPRI
def build_arms(data, mapper):
    rows_in = read_sipri(data / SIPRI_CSV)
    for r in rows_in:
        mapper.map("sipri", r["Supplier"])
        mapper.map("sipri", r["Recipient"])
    sums = defaultdict(Decimal)
    for r in rows_in:
        if r["Recipient"] != "Kazakhstan":
            continue
        y = int(r["Delivery year"])
        v = r["TIV delivery values"].strip()
        if not (2018 <= y <= 2024) or v == "":
            continue
        code = mapper.map("sipri", r["Supplier"])
        if not code:
            sys.exit(f"SIPRI: supplier {r['Supplier']!r} to Kazakhstan has no code")
        sums[(code, y)] += Decimal(v)
    out = []
    for (code, y), v in sorted(sums.items()):
        note = "SIPRI 'unknown supplier(s)'" if code == "XUN" else ""
        if v == 0:
            note = (note + "; " if note else "") + "SIPRI '0' = between 0 and 0.5 million TIV"
        out.append(["arms", code, str(y), dec_str(v), "sipri-at-2026", note])
    tot = sum(v for (c, y), v in sums.items() if 2020 <= y <= 2024)
    rus = sum(v for (c, y), v in sums.items() if 2020 <= y <= 2024 and c == "RUS")
    print(f"CHECK sipri: 2020-2024 TIV to Kazakhstan total {dec_str(tot)}, Russia {dec_str(rus)}, "
          f"Russia share {float(rus / tot):.6f} (expected 0.884287)")
    return out


# ------------------------------------------------------------------ UN DESA
def build_migrants(data, mapper):
    path = data / UNDESA_CSV
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    rows_in = read_csv(path)
    origins = header[2:]
    for n in origins:
        mapper.map("undesa", n)
    for r in rows_in:
        mapper.map("undesa", r["Dest"])

    def is_country(name):
        return name not in UNDESA_AGGREGATES and mapper.map("undesa", name) != ""

    r19 = [r for r in rows_in if r["Year"] == "2019"]
    out = []
    skipped_nocode = []
    # Kazakhstan-born living in partner country
    for r in r19:
        v = r["Kazakhstan"].strip()
        if v == "" or int(v) == 0:
            continue
        if not is_country(r["Dest"]):
            skipped_nocode.append(("abroad", r["Dest"], v))
            continue
        code = mapper.map("undesa", r["Dest"])
        if code == FOCAL:
            continue
        out.append(["migrants_abroad", code, "2019", v, "undesa-ims-2019", ""])
    # partner-born living in Kazakhstan
    kaz = [r for r in r19 if r["Dest"] == "Kazakhstan"]
    if len(kaz) != 1:
        sys.exit("UN DESA: no unique 2019 Kazakhstan row")
    for n in origins:
        v = kaz[0][n].strip()
        if v == "" or int(v) == 0:
            continue
        if not is_country(n):
            skipped_nocode.append(("in", n, v))
            continue
        code = mapper.map("undesa", n)
        if code == FOCAL:
            continue
        out.append(["migrants_in", code, "2019", v, "undesa-ims-2019", ""])
    for s in skipped_nocode:
        print(f"  info undesa: skipped non-country cell {s}")
    get = {(d, p): v for d, p, y, v, s, n in out}
    print(f"CHECK undesa: RUS abroad {get.get(('migrants_abroad', 'RUS'))} (expected 2559711); "
          f"RUS in {get.get(('migrants_in', 'RUS'))} (expected 2458414)")
    return out


# ------------------------------------------------------------------ UNGA names
def map_unga(data, mapper):
    for r in read_csv(data / UNGA_CSV):
        mapper.map("unga_ukraine", r["country_name_as_in_source"])


# ------------------------------------------------------------------ published figures
def build_published():
    out = []
    for p, v, note in FDI_2021:
        out.append(["fdi_stock", p, "2021", v, "nbk-fdi-2021-quotedbusiness", note])
    for p, v, note in FDI_INFLOW_2022:
        out.append(["fdi_inflow", p, "2022", v, "mfa-fdi-2022-tass", note])
    for p, v, note in REMIT_2024:
        out.append(["remittances_in", p, "2024", v, "nbk-remit-2024-tass", note])
    rus = sum(Decimal(v) for v, _ in OIL_RUS_PARTS)
    if dec_str(rus) != OIL_RUS_EXPECTED:
        sys.exit(f"oil RUS sum {rus} != {OIL_RUS_EXPECTED}")
    note = "Jan–Oct 2024; " + " + ".join(f"{v} ({lbl})" for v, lbl in OIL_RUS_PARTS) + f" = {dec_str(rus)}"
    out.append(["oil_export_routes", "RUS", "2024", dec_str(rus), "moe-oil-2024-trend", note])
    for p, v, n in OIL_2024:
        out.append(["oil_export_routes", p, "2024", v, "moe-oil-2024-trend", n])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"),
                    help="gathered data directory (default: ../shared/data from the repo root)")
    ap.add_argument("--iso-codes", default=ISO_JSON, help="iso_3166-1.json of Debian iso-codes")
    a = ap.parse_args()
    data = Path(a.data_dir)
    if not data.is_absolute():
        data = (Path.cwd() / data).resolve()

    entries, by_name = load_iso(a.iso_codes)
    countries = countries_rows(entries)
    codes = {r[0] for r in countries}
    mapper = Mapper(by_name, codes)

    ties = []
    ties += build_trade(data, mapper)
    bns_sheets = defaultdict(set)
    for r in read_csv(data / BNS_CSV):
        if (r["edition"] == r["year"]) or (r["edition"], r["sheet"]) == ("2019", "12_2018"):
            bns_sheets[r["edition"]].add(r["sheet"])
    ties += build_arms(data, mapper)
    ties += build_migrants(data, mapper)
    map_unga(data, mapper)
    ties += build_published()
    ties = kaz_ties.extend(ties, data, codes, lambda n: mapper.map("sipri", n))

    # sources of ties
    src_rows = {}
    for ed in sorted(BNS_FILES):
        sheets = ", ".join(sorted(bns_sheets[str(ed)]))
        src_rows[f"bns-ed{ed}"] = [
            "Bureau of National Statistics of the Agency for Strategic Planning and Reforms "
            "of the Republic of Kazakhstan",
            f"Основные показатели внешней торговли Республики Казахстан (main indicators of foreign "
            f"trade by country), edition {ed}, sheet(s) used: {sheets}; thousand US dollars",
            "2024" if ed == 2023 else "",  # only the 2023 edition states its date (25.07.2024)
            f"https://github.com/mary-lev/eu-export-sanctions, file data/kazakhstan_data/{BNS_FILES[ed]}, "
            f"commit {BNS_COMMIT} (copy: kaz_bns_trade_by_country/original_xls/"
            f"bns_foreign_trade_by_country_edition_{ed}.xls)",
        ]
    for k, v in {**SOURCES_MODEL, **kaz_ties.SOURCES, **kaz_money.SOURCES}.items():
        src_rows[k] = list(v)
    used = {t[4] for t in ties} | kaz_money.write_money_files(data)
    missing = used - set(src_rows)
    if missing:
        sys.exit(f"source ids without a sources.csv row: {missing}")
    model_sources = sorted([k] + src_rows[k] for k in used)

    # sanity
    for t in ties:
        if t[1] not in codes:
            sys.exit(f"partner {t[1]} not in countries.csv")
        Decimal(t[3])
    keys = [(t[0], t[1], t[2]) for t in ties]
    if len(keys) != len(set(keys)):
        sys.exit("duplicate (domain, partner, year) in ties")
    ties.sort(key=lambda t: (t[0], t[1], int(t[2])))

    names = mapper.table()
    ref_used = {r[4] for r in countries} | {r[3] for r in names}
    ref_sources = sorted([k] + list(SOURCES_REFERENCE[k]) for k in ref_used)

    # Rows written by tools/data/build_reference.py (other datasets in
    # country_names.csv, other ids in sources.csv) are carried over unchanged,
    # so the two scripts can be run in either order.
    own_datasets = {r[0] for r in names} | set(OVERRIDES)
    names_path = REPO / "data/reference/country_names.csv"
    if names_path.exists():
        names += [[r["dataset"], r["name"], r["iso3"], r["source"]] for r in read_csv(names_path)
                  if r["dataset"] not in own_datasets]
        names.sort()
    sources_path = REPO / "data/reference/sources.csv"
    if sources_path.exists():
        ref_sources += [[r[k] for k in ("id", "publisher", "title", "year", "address")]
                        for r in read_csv(sources_path) if r["id"] not in SOURCES_REFERENCE]
        ref_sources.sort()
    missing = {r[3] for r in names} - {r[0] for r in ref_sources}
    if missing:
        sys.exit(f"country_names.csv source ids without a reference/sources.csv row: {missing}")

    out = REPO / "data"
    write_csv(out / "reference/countries.csv", ["iso3", "iso2", "m49", "name", "source"], countries)
    write_csv(out / "reference/country_names.csv", ["dataset", "name", "iso3", "source"], names)
    write_csv(out / "reference/sources.csv", ["id", "publisher", "title", "year", "address"], ref_sources)
    write_csv(out / "models/kaz/ties.csv", ["domain", "partner", "year", "value", "source", "note"], ties)
    write_csv(out / "models/kaz/sources.csv", ["id", "publisher", "title", "year", "address"], model_sources)
    kaz_ties.write_staging(data, a.iso_codes)

    # summary
    unm = defaultdict(int)
    tot = defaultdict(int)
    for d, n, iso3, s in names:
        tot[d] += 1
        if not iso3:
            unm[d] += 1
    for d in sorted(tot):
        print(f"names {d}: {tot[d]} names, {unm[d]} without ISO3")
    print(f"unmapped names total: {sum(unm.values())}")
    cnt = defaultdict(int)
    for t in ties:
        cnt[(t[0], t[2])] += 1
    for (d, y), c in sorted(cnt.items()):
        print(f"ties {d} {y}: {c}")


if __name__ == "__main__":
    main()
