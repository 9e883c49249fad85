"""Results of runs: the CLI's JSON document, and tidy DataFrames built from it.

Every figure in a DataFrame is read from the document, never recomputed, so a
DataFrame says what `tengerim COMMAND --format json` says.
"""
import functools
import json

import pandas as pd


class Result:
    """One run: `.summary` (the run summary), `.document` (the JSON document as a dict),
    `.to_json()` (the document as the CLI writes it), `.profile` (seconds per stage)."""

    def __init__(self, text, stages):
        self._text = text
        self.document = json.loads(text)
        self.profile = dict(stages)

    @property
    def summary(self):
        return self.document["summary"]

    def to_json(self):
        """The document, byte for byte what `tengerim ... --format json` writes."""
        return self._text

    def __repr__(self):
        summary = self.summary
        return f"<{type(self).__name__}: {summary['command']} on {summary['model'] or '-'}, {summary['status']}>"


def _frame(rows, columns):
    return pd.DataFrame(rows, columns=columns)


class Report(Result):
    """`report`: the balance sheet, every year with data (or the year asked)."""

    _DOMAIN = ["basis", "unit", "declared_weight", "weight", "total", "allocated", "other_share", "partners", "hhi",
               "effective_partners", "entropy", "theil", "direction_evenness", "leader", "lead_margin"]
    _SERIES = ["coverage", "published", "balance", "separation", "predictability", "max_dependence", "max_leverage",
               "leverage_gap", "dependence_evenness", "critical_pairs", "outside_dependence"]

    @functools.cached_property
    def domains(self):
        """One row per year x domain x direction: the direction's share and substitutability, whether the
        pair is critical, and the domain's figures (basis, weights, HHI, ...). Shares outside every
        direction are the domain's `other_share`; 1 - `allocated` is unallocated."""
        rows = []
        for year in self.document["years"]:
            for domain in year["domains"]:
                common = [domain[key] for key in self._DOMAIN]
                for direction in domain["directions"]:
                    rows.append([year["year"], domain["id"], direction["id"], direction["share"],
                                 direction["substitutability"], direction["critical"], *common, year["published"]])
        return _frame(rows, ["year", "domain", "direction", "share", "substitutability", "critical", *self._DOMAIN,
                             "published"])

    @functools.cached_property
    def directions(self):
        """One row per year x direction (the model's, then "other"): dependence, leverage, the domains it leads."""
        rows = []
        for year in self.document["years"]:
            for direction in year["directions"]:
                rows.append([year["year"], direction["id"], direction["dependence"], direction["leverage"],
                             direction["led_weight"], list(direction["leads"])])
        return _frame(rows, ["year", "direction", "dependence", "leverage", "led_weight", "leads"])

    @functools.cached_property
    def series(self):
        """One row per year: coverage, whether published, and the composites (NaN where unpublished)."""
        rows = [[year["year"], *[year[key] for key in self._SERIES], year.get("unpublished_reason")]
                for year in self.document["years"]]
        frame = _frame(rows, ["year", *self._SERIES, "unpublished_reason"])
        for key in self._SERIES:
            if key != "published":
                frame[key] = pd.to_numeric(frame[key])
        return frame

    _BANDED = ["balance", "separation", "predictability", "max_dependence", "max_leverage", "leverage_gap"]

    @functools.cached_property
    def bands(self):
        """With `sensitivity=N`: one row per year x composite (and per direction's dependence and
        leverage, as `dependence:ID`, `leverage:ID`): p05, p50, p95 over the draws that publish the
        year, and the share of draws that publish it. Empty without a sensitivity run."""
        rows = []
        for year in self.document["years"]:
            bands = year.get("bands")
            if not bands:
                continue
            named = [(key, bands[key]) for key in self._BANDED]
            for group in ("dependence", "leverage"):
                named += [(f"{group}:{direction}", band) for direction, band in bands[group].items()]
            for figure, band in named:
                low, mid, high = (band["p05"], band["p50"], band["p95"]) if band else (None, None, None)
                rows.append([year["year"], figure, low, mid, high, bands["published_share"]])
        frame = _frame(rows, ["year", "figure", "p05", "p50", "p95", "published_share"])
        for key in ("p05", "p50", "p95"):
            frame[key] = pd.to_numeric(frame[key])
        return frame

    @functools.cached_property
    def explain(self):
        """With `explain=[A, B]`: one row per figure x part of the change from A to B (figure "balance",
        "dependence:ID" or "leverage:ID"; kind basket, share or weight; the domain; the partner whose
        share moved most; the part's value). Per figure, the values sum to its change. Empty without."""
        explained = self.document.get("explain")
        rows = []
        if explained:
            figures = [("balance", explained["balance"])]
            for group in ("dependence", "leverage"):
                figures += [(f"{group}:{direction}", figure) for direction, figure in explained[group].items()]
            for name, figure in figures:
                for part in figure["parts"]:
                    rows.append([name, part["kind"], part["domain"], part["partner"], part["value"], figure["total"]])
        return _frame(rows, ["figure", "kind", "domain", "partner", "value", "total"])


class Risk(Result):
    """`risk`: Monte Carlo of a scenario's shocks."""

    @functools.cached_property
    def tail(self):
        """One row per tail level asked: VaR and CVaR with their standard errors, and in money (US dollars
        and fractions of GDP, from the dollar loss distribution; NaN where the model has no valuation or GDP)."""
        document = self.document

        def money(key, level):
            value = (document.get(key) or {}).get(level)
            return float("nan") if value is None else value

        rows = [[float(level), document["var"][level], document["cvar"][level], document["stderr"]["var"][level],
                 document["stderr"]["cvar"][level], money("var_usd", level), money("cvar_usd", level),
                 money("var_gdp", level), money("cvar_gdp", level)] for level in document["var"]]
        return _frame(rows, ["level", "var", "cvar", "var_stderr", "cvar_stderr", "var_usd", "cvar_usd", "var_gdp",
                             "cvar_gdp"])

    @functools.cached_property
    def contributions(self):
        """One row per direction x statistic (mean, or cvar at a level; Euler allocation: they sum to the total),
        in the index and in US dollars (NaN where the model has no money valuation)."""
        usd = self.document.get("contributions_usd") or {}
        rows = []
        for direction, entry in self.document["contributions"].items():
            money = usd.get(direction, {})
            rows.append([direction, "mean", float("nan"), entry["mean"], money.get("mean", float("nan"))])
            for level, value in entry.get("cvar", {}).items():
                rows.append([direction, "cvar", float(level), value, money.get("cvar", {}).get(level, float("nan"))])
        return _frame(rows, ["direction", "statistic", "level", "contribution", "contribution_usd"])

    @functools.cached_property
    def shocks(self):
        """One row per shock of the scenario: probability, and the share of draws it occurred in."""
        rows = [[shock["id"], shock["direction"], shock["domain"], shock["probability"], shock["occurred"],
                 shock.get("cut"), shock.get("severity", {}).get("alpha"), shock.get("severity", {}).get("beta")]
                for shock in self.document["shocks"]]
        return _frame(rows, ["id", "direction", "domain", "probability", "occurred", "cut", "alpha", "beta"])

    @functools.cached_property
    def envelope(self):
        """With sensitivity > 0: one row per figure (mean_loss, var, cvar) x level x unit (index, usd) with the
        5th, 50th and 95th percentiles across the parameter draws and the Monte Carlo standard error of one
        draw beside them (docs/risk.md, "The envelope"); empty without sensitivity."""
        envelope = self.document.get("envelope")
        rows = []
        if envelope:
            for unit, suffix in (("index", ""), ("usd", "_usd")):
                mean = envelope.get("mean_loss" + suffix)
                if mean is not None:
                    rows.append(["mean_loss", float("nan"), unit, mean["p05"], mean["p50"], mean["p95"], mean["mc_stderr"]])
                for figure in ("var", "cvar"):
                    for level, band in (envelope.get(figure + suffix) or {}).items():
                        rows.append([figure, float(level), unit, band["p05"], band["p50"], band["p95"], band["mc_stderr"]])
        return _frame(rows, ["figure", "level", "unit", "p05", "p50", "p95", "mc_stderr"])

    @functools.cached_property
    def conclusions(self):
        """With sensitivity > 0: each claim of the envelope with the share of parameter draws in which it holds."""
        envelope = self.document.get("envelope") or {}
        rows = [[entry["id"], entry["text"], entry["share"]] for entry in envelope.get("conclusions", [])]
        return _frame(rows, ["id", "text", "share"])

    @functools.cached_property
    def warnings(self):
        """Each shock that can lose nothing, with why."""
        return _frame([[entry["shock"], entry["reason"]] for entry in self.document.get("warnings", [])],
                      ["shock", "reason"])


class Shock(Result):
    """`shock`: one scenario applied once."""

    @functools.cached_property
    def edges(self):
        """One row per corridor edge: capacity, the capacity factor the scenario leaves, baseline and shocked flow."""
        return pd.DataFrame(self.document["edges"])

    @functools.cached_property
    def markets(self):
        """One row per commodity x market: demand, delivered before and after, stranded."""
        return pd.DataFrame(self.document["markets"])

    @functools.cached_property
    def losses(self):
        """One row per domain: direct and propagated loss (shares of the domain's yearly flow) and its money
        (US dollars, each dollar once; NaN for a domain without a money valuation)."""
        loss = self.document["loss"]
        usd = loss.get("usd", {})
        rows = [[domain, value, loss["propagated"][domain], usd.get(domain, float("nan"))]
                for domain, value in loss["direct"].items()]
        return _frame(rows, ["domain", "direct", "propagated", "usd"])


class Simulation(Result):
    """`simulate`: the document only (`.document`, `.to_json()`)."""


class Plan(Result):
    """`optimize`: the document only (`.document`, `.to_json()`)."""


class Bargain(Result):
    """`bargain`: the document only (`.document`, `.to_json()`)."""


class Import(Result):
    """`import`: what was written (`.document`: domains with their tie counts, relations, splice, notes,
    unmatched names), and `.model`, the folder loaded."""

    @property
    def domains(self):
        return _frame([[d["id"], d["unit"], d["ties"], d["measure"], d["steerable"]] for d in self.document["domains"]],
                      ["domain", "unit", "ties", "measure", "steerable"])

    @property
    def model(self):
        from . import Model
        return Model.load(self.document["into"])
