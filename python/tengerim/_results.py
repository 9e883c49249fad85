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
        """One row per tail level asked: VaR and CVaR with their standard errors."""
        document = self.document
        rows = [[float(level), document["var"][level], document["cvar"][level], document["stderr"]["var"][level],
                 document["stderr"]["cvar"][level]] for level in document["var"]]
        return _frame(rows, ["level", "var", "cvar", "var_stderr", "cvar_stderr"])

    @functools.cached_property
    def contributions(self):
        """One row per direction x statistic (mean, or cvar at a level; Euler allocation: they sum to the total)."""
        rows = []
        for direction, entry in self.document["contributions"].items():
            rows.append([direction, "mean", float("nan"), entry["mean"]])
            for level, value in entry.get("cvar", {}).items():
                rows.append([direction, "cvar", float(level), value])
        return _frame(rows, ["direction", "statistic", "level", "contribution"])

    @functools.cached_property
    def shocks(self):
        """One row per shock of the scenario: probability, and the share of draws it occurred in."""
        rows = [[shock["id"], shock["direction"], shock["domain"], shock["probability"], shock["occurred"],
                 shock.get("cut"), shock.get("severity", {}).get("alpha"), shock.get("severity", {}).get("beta")]
                for shock in self.document["shocks"]]
        return _frame(rows, ["id", "direction", "domain", "probability", "occurred", "cut", "alpha", "beta"])


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
        """One row per domain: direct and propagated loss (shares of the domain's yearly flow)."""
        loss = self.document["loss"]
        rows = [[domain, value, loss["propagated"][domain]] for domain, value in loss["direct"].items()]
        return _frame(rows, ["domain", "direct", "propagated"])


class Simulation(Result):
    """`simulate`: the document only (`.document`, `.to_json()`)."""


class Plan(Result):
    """`optimize`: the document only (`.document`, `.to_json()`)."""


class Bargain(Result):
    """`bargain`: the document only (`.document`, `.to_json()`)."""
