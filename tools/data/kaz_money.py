"""The money files of the Kazakhstan model (docs/risk.md, "Losses in money").

Called by build_kaz_model.py. Writes, from the shared data (values as the strings
in the source files):

  data/models/kaz/gdp.csv     KAZ GDP, current US$ (WDI), the model's years
  data/models/kaz/prices.csv  Brent annual average, US$/bbl (EIA), the model's years,
                              and the judged gas price (a judgements.csv id)

and checks that the remittance totals written by hand in valuation.toml are the
KNOMAD inflow file's cells. SOURCES gives the sources.csv rows of all three.
"""

import csv
import re
import sys

from kaz_ties import REPO, write_csv

FIRST_YEAR, LAST_YEAR = 2000, 2025  # model.toml `years`
GDP_CSV = "wdi_gdp_current_usd/gdp_current_usd_1960_2023.csv"
BRENT_CSV = "eia_brent_prices/brent_annual_usd_per_barrel.csv"
REMIT_CSV = "wb_knomad_remittances/inward_remittance_flows_2000_2023_dec2023.csv"
GAS_PRICE = ["gas", "2024", "price-gas-border", "USD per thousand m3", "judgement"]

SOURCES = {
    "wdi-gdp-2024": (
        "World Bank",
        "World Development Indicators: GDP (current US$), series NY.GDP.MKTP.CD, as normalised by the Open "
        "Knowledge datasets/gdp data package (World Bank data as of about mid-2024; no 2024 value in this vintage)",
        "2024",
        "https://github.com/datasets/gdp, file data/gdp.csv, commit 1cdcd2eb2364edd9da24bcbe134c1a9e0fb4c693 "
        "(copy: wdi_gdp_current_usd/gdp_current_usd_1960_2023.csv)",
    ),
    "eia-brent": (
        "US Energy Information Administration (EIA)",
        "Europe Brent Spot Price FOB (series RBRTE), annual averages, US dollars per barrel, as packaged by the "
        "Frictionless Data core datasets",
        "2026",
        "https://github.com/datasets/oil-prices, file data/brent-year.csv, last changed at commit "
        "3d663f26d40b85427a8970a4c5c3e6448c70c335 (repo HEAD 2d75ce3a792c2f152619c10272e86052be3a8390; copy: "
        "eia_brent_prices/brent_annual_usd_per_barrel.csv)",
    ),
    "knomad-inflows-2023": (
        "World Bank-KNOMAD",
        "Remittance inflows (US$ million), 2000-2022 and an estimate for 2023 (Date: December 2023)",
        "2023",
        "https://github.com/raulincadet/Macro, file Remittance/inward_remittance_flows_december_2023_1.xlsx, "
        "commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3 (copy: "
        "wb_knomad_remittances/inward_remittance_flows_2000_2023_dec2023.csv)",
    ),
}


def fail(msg):
    sys.exit(f"kaz_money: {msg}")


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check_remittance_totals(data):
    """valuation.toml's `totals` of remittances_in must be the file's KAZ cells (2023 = the 2023e column)."""
    rows = read_rows(data / REMIT_CSV)
    header, kaz = rows[0], next(r for r in rows if r[0].strip() == "Kazakhstan")
    cells = {h.rstrip("e"): v for h, v in zip(header, kaz) if re.fullmatch(r"\d{4}e?", h)}
    text = (REPO / "data/models/kaz/valuation.toml").read_text(encoding="utf-8")
    given = re.findall(r'\{ year = (\d{4}), value = ([0-9.]+), source = "knomad-inflows-2023" \}', text)
    if not given:
        fail("valuation.toml has no knomad-inflows-2023 totals")
    for year, value in given:
        if cells.get(year) != value:
            fail(f"valuation.toml remittance total {year} = {value}, the file has {cells.get(year)}")


def write_money_files(data):
    gdp = [[r[2], r[3], "wdi-gdp-2024"] for r in read_rows(data / GDP_CSV)[1:]
           if r[1] == "KAZ" and FIRST_YEAR <= int(r[2]) <= LAST_YEAR and r[3]]
    write_csv(REPO / "data/models/kaz/gdp.csv", ["year", "value", "source"], gdp)
    prices = [["oil", r[0][:4], r[1], "USD/bbl", "eia-brent"] for r in read_rows(data / BRENT_CSV)[1:]
              if FIRST_YEAR <= int(r[0][:4]) <= LAST_YEAR]
    write_csv(REPO / "data/models/kaz/prices.csv", ["commodity", "year", "usd_per_unit", "unit", "source"],
              prices + [GAS_PRICE])
    check_remittance_totals(data)
    return set(SOURCES)
