#!/usr/bin/python3
"""Reference computation of `tengerim import unvotes` + `import cow-trade` +
`report --format json` for one focal country, in pandas.

compute DATA_DIR FOCAL: reads the full Voeten UN votes files and the COW
dyadic trade file under DATA_DIR and prints, as JSON,
  alignment[year][partner] = [agreement, votes]  (yes 1, abstain 0.5, no 0;
      mean of 1 - |difference| over roll calls where both voted; year of the
      roll call's date; countries by ISO2, else by the unvotes name table)
  shares[year][domain] = {"directions": {id: share}, "partners": {ISO3: share}}
      (COW: imports of ccode1 from ccode2 = flow1, exports = flow2; blank =
      missing; several COW codes of one state summed; shares of the sum over
      partners with an ISO3; directions from data/reference/default_directions.toml)
The mapping rules are the engine's, written again here from the reference
tables, so that a difference in either shows.

compare TENGERIM_JSON PANDAS_JSON: checks that `tengerim report --format json`
gives the same numbers (alignment of every partner; every domain's direction
shares and its top-10 partner shares); exits 1 on any difference.
"""
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "data", "reference")


def compute(data, focal):
    import pandas as pd

    countries = pd.read_csv(os.path.join(REF, "countries.csv"), keep_default_na=False, dtype=str)
    known = set(countries["iso3"])
    iso3_of_iso2 = dict(zip(countries["iso2"], countries["iso3"]))
    iso3_of_iso2.pop("", None)
    names = pd.read_csv(os.path.join(REF, "country_names.csv"), keep_default_na=False, dtype=str)
    names = names[names["dataset"] == "unvotes"]
    iso3_of_name = {n.lower(): c for n, c in zip(names["name"], names["iso3"]) if c in known}

    # ---- UN votes
    votes = pd.read_csv(os.path.join(data, "unvotes_voeten", "un_votes.csv"), keep_default_na=False,
                        dtype={"rcid": "int64", "country": str, "country_code": str, "vote": str})
    calls = pd.read_csv(os.path.join(data, "unvotes_voeten", "un_roll_calls.csv"), usecols=["rcid", "date"])
    calls["year"] = calls["date"].str.slice(0, 4).astype(int)
    pairs = votes[["country_code", "country"]].drop_duplicates()
    pairs["iso3"] = [iso3_of_iso2.get(code) or iso3_of_name.get(name.strip().lower())
                     for code, name in zip(pairs["country_code"], pairs["country"])]
    votes = votes.merge(pairs, on=["country_code", "country"], how="left").dropna(subset=["iso3"])
    votes = votes.drop_duplicates(subset=["rcid", "iso3"], keep="first")
    votes["value"] = votes["vote"].map({"yes": 1.0, "abstain": 0.5, "no": 0.0})
    mine = votes.loc[votes["iso3"] == focal, ["rcid", "value"]].rename(columns={"value": "mine"})
    both = votes[votes["iso3"] != focal].merge(mine, on="rcid").merge(calls[["rcid", "year"]], on="rcid")
    both["agreement"] = 1 - (both["value"] - both["mine"]).abs()
    grouped = both.groupby(["year", "iso3"])["agreement"].agg(["mean", "count"]).reset_index()
    alignment = {}
    for year, partner, mean, count in grouped.itertuples(index=False):
        alignment.setdefault(str(year), {})[partner] = [float(mean), int(count)]

    # ---- COW dyadic trade
    cow = pd.read_csv(os.path.join(data, "cow_trade_v4", "cow_trade_dyadic_ndy.csv"),
                      usecols=["ccode1", "ccode2", "year", "flow1", "flow2"])
    if (cow[["flow1", "flow2"]] < 0).any().any():
        sys.exit("negative flow")
    states = pd.read_csv(os.path.join(REF, "cow_states.csv"), keep_default_na=False, dtype=str)
    iso3_of_cow = {int(code): iso3 for code, iso3 in zip(states["cow_code"], states["iso3"]) if iso3 in known}
    cow["iso1"] = cow["ccode1"].map(iso3_of_cow)
    cow["iso2"] = cow["ccode2"].map(iso3_of_cow)
    side1 = cow[cow["iso1"] == focal]
    side2 = cow[cow["iso2"] == focal]
    flows = pd.concat([
        pd.DataFrame({"year": side1["year"], "partner": side1["iso2"], "imports": side1["flow1"], "exports": side1["flow2"]}),
        pd.DataFrame({"year": side2["year"], "partner": side2["iso1"], "imports": side2["flow2"], "exports": side2["flow1"]}),
    ])
    flows = flows.dropna(subset=["partner"])
    flows = flows[flows["partner"] != focal]
    with open(os.path.join(REF, "default_directions.toml"), "rb") as f:
        spec = tomllib.load(f)
    blocs = {b["id"]: b["members"] for b in spec.get("blocs", [])}
    direction_of = {}
    for d in spec["directions"]:
        for member in d["members"]:
            for country in blocs.get(member, [member]):
                if country != focal:
                    direction_of.setdefault(country, d["id"])
    shares = {}
    for domain in ("exports", "imports"):
        sums = flows.groupby(["year", "partner"])[domain].sum(min_count=1).dropna()
        sums = sums[sums > 0].reset_index()
        sums["share"] = sums[domain] / sums.groupby("year")[domain].transform("sum")
        sums["direction"] = sums["partner"].map(direction_of)
        for year, group in sums.groupby("year"):
            entry = shares.setdefault(str(year), {})[domain] = {"directions": {}, "partners": {}}
            for d in spec["directions"]:
                entry["directions"][d["id"]] = float(group.loc[group["direction"] == d["id"], "share"].sum())
            entry["partners"] = {p: float(s) for p, s in zip(group["partner"], group["share"])}
    json.dump({"focal": focal, "alignment": alignment, "shares": shares}, sys.stdout)


def compare(tengerim_path, pandas_path, tolerance=1e-9):
    with open(tengerim_path) as f:
        engine = json.load(f)
    with open(pandas_path) as f:
        reference = json.load(f)
    problems, checked = [], 0
    engine_years = {str(y["year"]): y for y in engine["years"]}
    for year, partners in reference["alignment"].items():
        rows = {a["partner"]: a for a in engine_years.get(year, {}).get("alignment", [])}
        if set(rows) != set(partners):
            problems.append(f"{year}: alignment partners differ: {sorted(set(rows) ^ set(partners))[:5]}")
        for partner, (agreement, votes) in partners.items():
            row = rows.get(partner)
            checked += 1
            if row and (row["votes"] != votes or abs(row["agreement"] - agreement) > tolerance):
                problems.append(f"{year} {partner}: alignment {row['agreement']}/{row['votes']} vs {agreement}/{votes}")
    for year, domains in reference["shares"].items():
        for domain, entry in domains.items():
            sheet = next((d for d in engine_years.get(year, {}).get("domains", []) if d["id"] == domain), None)
            if sheet is None:
                problems.append(f"{year} {domain}: missing in tengerim")
                continue
            for d in sheet["directions"]:
                checked += 1
                if abs(d["share"] - entry["directions"][d["id"]]) > tolerance:
                    problems.append(f"{year} {domain} {d['id']}: {d['share']} vs {entry['directions'][d['id']]}")
            if sheet["partners"] != len(entry["partners"]):
                problems.append(f"{year} {domain}: {sheet['partners']} partners vs {len(entry['partners'])}")
            for p in sheet["top_partners"]:
                checked += 1
                if abs(p["share"] - entry["partners"].get(p["partner"], -1)) > tolerance:
                    problems.append(f"{year} {domain} {p['partner']}: {p['share']} vs {entry['partners'].get(p['partner'])}")
    for problem in problems[:20]:
        print("DIFFERENT:", problem)
    print(f"compare: {checked} figures checked, {len(problems)} differences (tolerance {tolerance})")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "compute":
        compute(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
