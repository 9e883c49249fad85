"""Reference computation of the issue-13 importers with pandas, for
bench/importers_vs_pandas.sh (docs/performance.md, "Importers of issue 13").

  compute DATA_DIR FOCAL     -> JSON on stdout: [[domain, partner, year, value], ...]
  compare MODEL_DIR... JSON  -> checks every partner tie of the model folders'
                                ties.csv against the JSON (exit 1 on a difference)

The same figures as `tengerim import imf-dots`, `undesa-migrants` (2020 long
form), `knomad-remittances` and `uis-students` write for FOCAL, by partner
(the WLD totals of imf-dots follow extra rules and are not recomputed):

  imf-dots        exports/imports: the focal state's own report, else the
                  partner's mirror (its imports from the focal state are the
                  focal state's exports); partners that are countries.
  undesa-migrants migrants_in (to = focal), migrants_abroad (from = focal),
                  Male + Female (or the Total row).
  knomad          remittances_in/out by partner name (dataset knomad of
                  data/reference/country_names.csv), the WORLD cell as WLD;
                  the matrix year from the file name.
  uis-students    students_abroad/in by partner name (dataset uis), years up
                  to 2019, each year's WLD the sum of its rows.
"""
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def compute(data, focal):
    import pandas as pd

    ref = REPO / "data" / "reference"
    countries = set(pd.read_csv(ref / "countries.csv", keep_default_na=False)["iso3"]) - {"WLD", "XUN"}
    names = pd.read_csv(ref / "country_names.csv", keep_default_na=False)
    names["key"] = names["name"].str.strip().str.lower()
    out = []

    # IMF DOTS
    dots = pd.read_csv(data / "imf_dots_bilateral" / "imf_dots_annual_2000_2020.csv", keep_default_na=False)
    own = dots[(dots.reporter == focal) & dots.partner.isin(countries) & (dots.partner != focal)]
    own = own.assign(domain=own.flow.map({"X": "exports", "M": "imports"}))[["domain", "partner", "year", "value_musd"]]
    mir = dots[(dots.partner == focal) & dots.reporter.isin(countries) & (dots.reporter != focal)]
    mir = pd.DataFrame({"domain": mir.flow.map({"M": "exports", "X": "imports"}), "partner": mir.reporter,
                        "year": mir.year, "value_musd": mir.value_musd})
    key = ["domain", "partner", "year"]
    mir = mir.merge(own[key], on=key, how="left", indicator=True)
    mir = mir[mir["_merge"] == "left_only"].drop(columns="_merge")
    trade = pd.concat([own, mir])
    trade = trade[trade.value_musd > 0]
    out += trade.rename(columns={"value_musd": "value"})[["domain", "partner", "year", "value"]].values.tolist()

    # UN DESA 2020
    ud = pd.read_csv(data / "undesa_migrant_stock_2020" / "undesa_ims2020_bilateral_stock_by_sex.csv",
                     keep_default_na=False, na_values=["", "NA", ".."])
    for domain, mine, other in (("migrants_in", "to", "from"), ("migrants_abroad", "from", "to")):
        part = ud[(ud[mine] == focal) & (ud[other] != focal) & ud[other].isin(countries)].dropna(subset=["v"])
        sexes = part[part.sex != "Total"].groupby([other, "t"])["v"].sum()
        total = part[part.sex == "Total"].set_index([other, "t"])["v"]
        stock = sexes if total.empty else total.combine_first(sexes)  # the Total row where given
        for (partner, year), value in stock.items():
            if value > 0:
                out.append([domain, partner, int(year), float(value)])

    def mapping(dataset):
        sub = names[names.dataset == dataset]
        return dict(zip(sub.key, sub.iso3))

    # KNOMAD
    kn = mapping("knomad")
    for year in (2017, 2021):
        m = pd.read_csv(data / "wb_knomad_remittances" / f"bilateral_remittance_matrix_{year}_long.csv",
                        keep_default_na=False, na_values=[""])
        m = m.dropna(subset=["remittances_musd"])
        s = m.sending_country.str.strip().str.lower().map(kn)
        r = m.receiving_country.str.strip().str.lower().map(kn)
        for domain, mine, other, other_name in (("remittances_in", r, s, m.sending_country),
                                                ("remittances_out", s, r, m.receiving_country)):
            rows = m[(mine == focal) & (other != focal)]
            world = rows[other_name.loc[rows.index].str.strip() == "WORLD"]
            for value in world.remittances_musd:
                out.append([domain, "WLD", year, float(value)])
            named = rows[other.loc[rows.index].isin(countries) & (rows.remittances_musd > 0)]
            for partner, value in zip(other.loc[named.index], named.remittances_musd):
                out.append([domain, partner, year, float(value)])

    # UIS
    uis = mapping("uis")
    base = data / "uis_student_mobility_top10"
    for domain, file, mine, other in (
            ("students_abroad", "popular_destinations_by_origin_1998_2021.csv", "origin_country_name",
             "dest_country_lumped"),
            ("students_in", "popular_origins_by_destination_1998_2021.csv", "dest_country_name",
             "origin_country_lumped")):
        t = pd.read_csv(base / file, keep_default_na=False)
        t = t[(t[mine].str.strip().str.lower().map(uis) == focal) & (t.year <= 2019)]
        for year, value in t.groupby("year")["value_lumped"].sum().items():
            if value > 0:
                out.append([domain, "WLD", int(year), float(value)])
        t = t.assign(partner=t[other].str.strip().str.lower().map(uis))
        t = t[(t.partner != focal) & (t.partner.isin(countries) | (t.partner == "XUN"))]
        for (partner, year), value in t.groupby(["partner", "year"])["value_lumped"].sum().items():
            if value > 0:
                out.append([domain, partner, int(year), float(value)])
    json.dump(out, sys.stdout)


def compare(model_dirs, reference, tolerance=1e-9):
    import csv
    expected = {(d, p, int(y)): v for d, p, y, v in json.load(open(reference))}
    got = {}
    for folder in model_dirs:
        with open(Path(folder) / "ties.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["domain"] in ("exports", "imports") and row["partner"] == "WLD":
                    continue  # the WLD rules of imf-dots are not recomputed
                got[(row["domain"], row["partner"], int(row["year"]))] = float(row["value"])
    expected = {k: v for k, v in expected.items()
                if not (k[0] in ("exports", "imports") and k[1] == "WLD")}
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    differ = sorted(k for k in set(got) & set(expected)
                    if abs(got[k] - expected[k]) > tolerance * max(1.0, abs(expected[k])))
    print(f"compared {len(expected)} ties: {len(missing)} missing, {len(extra)} extra, {len(differ)} differ")
    for k in (missing + extra + differ)[:10]:
        print("  ", k, got.get(k), expected.get(k))
    return 0 if not (missing or extra or differ) else 1


if __name__ == "__main__":
    if sys.argv[1] == "compute":
        compute(Path(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2:-1], sys.argv[-1]))
    else:
        sys.exit(__doc__)
