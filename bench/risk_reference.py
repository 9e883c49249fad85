#!/usr/bin/python3
"""Reference implementation of `tengerim risk` in Python with NumPy and NetworkX.

It reads the same shipped files as the engine (MODEL/*.csv, MODEL/model.toml,
a scenario .toml) and computes the same model (docs/model.md §4, as
documented in src/risk/MonteCarlo.h and src/risk/LossModel.h):

* exposure of each domain: direction shares and substitutability in the latest
  year with data (ties.csv, WLD rows as totals);
* for a domain linked to a corridor commodity (commodities.csv), the loss is
  the rise in the focal state's stranded volume as a share of its demand,
  routed here with NetworkX's network simplex (the engine uses COIN-OR CLP);
* each shock's weighted propagated loss tabulated on the cut grid 0, 0.05, ..., 1
  (multipliers m = (I - Gamma)^-T w) and interpolated;
* a Gaussian copula over named common factors decides which shocks occur;
  the cut of one that occurs is drawn from its Beta severity.

Random numbers come from NumPy (not the engine's counter-based streams), so
the two agree in distribution, not draw by draw: compare means within their
standard errors.

Two samplers: `vectorized` (NumPy arrays over all draws, how one writes it
for speed in NumPy) and `loop` (one draw at a time, a direct reading of the
model). Prints one JSON object.
"""
import argparse
import csv
import json
import math
import os
import statistics
import sys
import time
import tomllib

import networkx as nx
import numpy as np

GRID = 20
WORLD = "WLD"
SCALE = 1_000_000  # network simplex wants integers: volumes in millionths of a unit


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def figure(value, judgements):
    """A CSV cell: a number, or the id of a judgement in judgements.csv."""
    try:
        return float(value)
    except ValueError:
        return judgements[value.strip()]


def toml_figure(value):
    """A scenario figure: a number or a judgement table {value, range, rationale}."""
    return float(value["value"]) if isinstance(value, dict) else float(value)


class Model:
    def __init__(self, folder):
        with open(os.path.join(folder, "model.toml"), "rb") as handle:
            toml = tomllib.load(handle)
        self.focal = toml["focal"]
        low, high = toml.get("years", [0, 9999])
        blocs = {bloc["id"]: bloc["members"] for bloc in toml.get("blocs", [])}
        self.blocs = blocs
        self.directions = [d["id"] for d in toml["directions"]]
        self.direction_of = {}
        for direction in toml["directions"]:
            for member in direction["members"]:
                self.direction_of[member] = direction["id"]
                for country in blocs.get(member, []):
                    self.direction_of[country] = direction["id"]
        self.domains = [d["id"] for d in toml["domains"]]
        self.weight = np.array([toml_figure(d["weight"]) for d in toml["domains"]])
        self.sigma = {}
        for d in toml["domains"]:
            default = toml_figure(d["substitutability"])
            by_direction = d.get("substitutability_by_direction", {})
            self.sigma[d["id"]] = {c: toml_figure(by_direction[c]) if c in by_direction else default
                                   for c in self.directions}
        # Exposure: the latest year in which the domain has a positive partner tie.
        ties = {}
        for row in read_csv(os.path.join(folder, "ties.csv")):
            year = int(row["year"])
            if low <= year <= high:
                ties.setdefault((row["domain"], year), []).append((row["partner"].strip(), float(row["value"])))
        self.share = {}          # domain -> direction -> share
        self.partner_share = {}  # domain -> partner -> share
        for domain in self.domains:
            years = [y for (d, y), rows in ties.items()
                     if d == domain and any(p != WORLD and v > 0 for p, v in rows)]
            if not years:
                continue
            rows = ties[(domain, max(years))]
            partners = [(p, v) for p, v in rows if p != WORLD]
            world = [v for p, v in rows if p == WORLD]
            total = world[0] if world else sum(v for _, v in partners)
            shares = dict.fromkeys(self.directions, 0.0)
            self.partner_share[domain] = {}
            for partner, value in partners:
                if value <= 0:
                    continue
                self.partner_share[domain][partner] = value / total
                direction = self.direction_of.get(partner)
                if direction:
                    shares[direction] += value / total
            self.share[domain] = shares


class Network:
    def __init__(self, folder):
        judgements = {r["id"]: float(r["value"]) for r in read_csv(os.path.join(folder, "judgements.csv"))}
        self.country = {r["id"]: r["country"] for r in read_csv(os.path.join(folder, "nodes.csv"))}
        self.edges = []
        for row in read_csv(os.path.join(folder, "edges.csv")):
            edge = {"from": row["from"], "to": row["to"], "commodity": row["commodity"],
                    "capacity": figure(row["capacity"], judgements), "cost": figure(row["cost"], judgements),
                    "controllers": [c.strip() for c in row["controllers"].split(";") if c.strip()]}
            edge["id"] = (row.get("id") or "").strip() or f"{edge['from']}->{edge['to']}:{edge['commodity']}"
            self.edges.append(edge)
        self.demands = [{"commodity": r["commodity"], "origin": r["origin"], "market": r["market"],
                         "volume": figure(r["volume"], judgements)}
                        for r in read_csv(os.path.join(folder, "demand.csv"))]
        self.domain_of = {r["id"]: (r.get("domain") or "").strip()
                          for r in read_csv(os.path.join(folder, "commodities.csv"))}
        self.penalty = 1 + sum(e["cost"] for e in self.edges)

    def stranded(self, commodity, factor):
        """Stranded volume per demand row of `commodity`, capacities scaled by `factor` (per edge)."""
        rows = [k for k, d in enumerate(self.demands) if d["commodity"] == commodity]
        markets = {self.demands[k]["market"] for k in rows}
        if len(markets) != 1:
            sys.exit(f"reference: commodity {commodity} has several markets; only one per linked commodity is supported")
        market = markets.pop()
        graph = nx.DiGraph()
        for e, edge in enumerate(self.edges):
            if edge["commodity"] == commodity:
                graph.add_edge(edge["from"], edge["to"], weight=int(round(edge["cost"])),
                               capacity=int(round(edge["capacity"] * factor[e] * SCALE)))
        supply = {}
        for k in rows:  # a bypass per demand row through its own node: the stranded volume
            volume = int(round(self.demands[k]["volume"] * SCALE))
            origin = self.demands[k]["origin"]
            supply[origin] = supply.get(origin, 0) + volume
            graph.add_edge(origin, ("stranded", k), weight=int(self.penalty), capacity=volume)
            graph.add_edge(("stranded", k), market, weight=0, capacity=volume)
        for node in graph.nodes:
            graph.nodes[node]["demand"] = 0
        for origin, volume in supply.items():
            graph.nodes[origin]["demand"] = -volume
        graph.nodes[market]["demand"] = sum(supply.values())
        _, flow = nx.network_simplex(graph)
        return {k: flow[self.demands[k]["origin"]][("stranded", k)] / SCALE for k in rows}


class Reference:
    def __init__(self, model_dir, scenario_file):
        self.model = Model(model_dir)
        self.network = Network(model_dir)
        with open(scenario_file, "rb") as handle:
            self.scenario = tomllib.load(handle)
        domains = self.model.domains
        gamma = np.zeros((len(domains), len(domains)))
        # Gamma is the model's (coupling.toml), used by every scenario.
        coupling = {}
        coupling_file = os.path.join(model_dir, "coupling.toml")
        if os.path.exists(coupling_file):
            with open(coupling_file, "rb") as handle:
                coupling = tomllib.load(handle)
        for entry in coupling.get("coupling", []):
            gamma[domains.index(entry["to"]), domains.index(entry["from"])] += toml_figure(entry["value"])
        if max(abs(np.linalg.eigvals(gamma))) >= 1:
            sys.exit("reference: spectral radius of Gamma >= 1")
        self.multiplier = np.linalg.solve((np.eye(len(domains)) - gamma).T, self.model.weight)
        self.factors = [f["id"] for f in self.scenario.get("factors", [])]

    def prepare(self):
        """Routing and loss tables: the engine's "simulate" stage starts here too."""
        self.baseline = {c: self.network.stranded(c, [1.0] * len(self.network.edges))
                         for c, d in self.network.domain_of.items() if d}
        self.events = [self.shock_event(s) for s in self.scenario.get("shocks", [])]
        self.events += [self.closure_event(e) for e in self.scenario.get("edges", [])]

    # The direction a corridor edge's loss is charged to: its first controller in a direction.
    def edge_direction(self, edge):
        for controller in edge["controllers"]:
            if controller in self.model.direction_of:
                return self.model.direction_of[controller]
        sys.exit(f"reference: edge {edge['id']} has no controller in a direction")

    def corridor_loss(self, commodity, factor):
        stranded = self.network.stranded(commodity, factor)
        volume = extra = 0.0
        for k, value in stranded.items():
            demand = self.network.demands[k]
            if self.network.country.get(demand["origin"]) == self.model.focal:
                volume += demand["volume"]
                extra += value - self.baseline[commodity][k]
        return max(0.0, extra / volume) if volume > 0 else 0.0

    def controlled_by(self, edge, shock):
        partner = shock.get("partner")
        for controller in edge["controllers"]:
            if partner is None and self.model.direction_of.get(controller) == shock["direction"]:
                return True
            if partner is not None and (controller == partner or controller in self.model.blocs.get(partner, [])):
                return True
        return False

    def table(self, direct_of_cut):
        """Weighted propagated loss on the cut grid, given direct loss per domain as a function of the cut."""
        total = []
        for j in range(GRID + 1):
            direct = direct_of_cut(j / GRID)
            total.append(float(self.multiplier @ direct))
        return np.array(total)

    def event(self, entry, direction, default_cut, loss_table):
        probability = toml_figure(entry["probability"])
        loadings = [float(entry.get("loadings", {}).get(f, 0.0)) for f in self.factors]
        severity = entry.get("severity")
        return {"threshold": statistics.NormalDist().inv_cdf(probability) if 0 < probability < 1
                else (-math.inf if probability <= 0 else math.inf),
                "loadings": np.array(loadings), "idiosyncratic": math.sqrt(1 - sum(b * b for b in loadings)),
                "severity": (float(severity["alpha"]), float(severity["beta"])) if severity else None,
                "cut": default_cut, "part": self.model.directions.index(direction), "table": loss_table}

    def shock_event(self, shock):
        domains = self.model.domains
        duration = min(toml_figure(shock.get("duration", 1.0)), 1.0)
        edges = self.network.edges
        if "edge" in shock:
            index = next(e for e, edge in enumerate(edges) if edge["id"] == shock["edge"])
            commodity = edges[index]["commodity"]
            domain = self.network.domain_of[commodity]
            direction = shock.get("direction") or self.edge_direction(edges[index])

            def direct(cut):
                loss = np.zeros(len(domains))
                if domain:
                    factor = [1.0] * len(edges)
                    factor[index] = 1 - cut
                    loss[domains.index(domain)] = self.corridor_loss(commodity, factor) * duration
                return loss
            return self.event(shock, direction, toml_figure(shock["cut"]), self.table(direct))
        domain = shock["domain"]
        partner = shock.get("partner")
        direction = shock.get("direction") or self.model.direction_of[partner]
        shock = dict(shock, direction=direction)
        commodity = next((c for c, d in self.network.domain_of.items() if d == domain), None)

        def direct(cut):
            loss = np.zeros(len(domains))
            d = domains.index(domain)
            if commodity:
                factor = [1 - cut if e["commodity"] == commodity and self.controlled_by(e, shock) else 1.0
                          for e in edges]
                loss[d] = self.corridor_loss(commodity, factor) * duration
            elif domain in self.model.share:
                if partner is None:
                    share = self.model.share[domain][direction]
                else:
                    share = self.model.partner_share[domain].get(partner, 0.0)
                loss[d] = cut * share * (1 - self.model.sigma[domain][direction]) * duration
            return loss
        return self.event(shock, direction, toml_figure(shock["cut"]), self.table(direct))

    def closure_event(self, entry):
        """An [[edges]] entry with a yearly probability: a sampled closure of that edge."""
        if "probability" not in entry:
            sys.exit("reference: Monte Carlo needs a yearly probability for every [[edges]] entry")
        edges = self.network.edges
        if "edge" in entry:
            edge_id = entry["edge"]
        else:
            edge_id = next(edge["id"] for edge in edges if edge["from"] == entry["from"] and edge["to"] == entry["to"]
                           and entry.get("commodity", edge["commodity"]) == edge["commodity"])
        shock = dict(entry, edge=edge_id, cut=1 - toml_figure(entry["factor"]))
        return self.shock_event(shock)

    def simulate_vectorized(self, draws, seed):
        rng = np.random.default_rng(seed)
        factors = rng.standard_normal((len(self.factors), draws))
        total = np.zeros(draws)
        parts = np.zeros((len(self.model.directions), draws))
        grid = np.linspace(0, 1, GRID + 1)
        for event in self.events:
            z = event["idiosyncratic"] * rng.standard_normal(draws) + event["loadings"] @ factors
            hit = np.flatnonzero(z < event["threshold"])
            if event["severity"]:
                cut = rng.beta(*event["severity"], size=hit.size)
            else:
                cut = np.full(hit.size, event["cut"])
            loss = np.interp(cut, grid, event["table"])
            total[hit] += loss
            parts[event["part"], hit] += loss
        return total, parts

    def simulate_loop(self, draws, seed):
        rng = np.random.default_rng(seed)
        total = np.zeros(draws)
        parts = np.zeros((len(self.model.directions), draws))
        grid = np.linspace(0, 1, GRID + 1)
        for i in range(draws):
            factors = rng.standard_normal(len(self.factors))
            for event in self.events:
                z = event["idiosyncratic"] * rng.standard_normal() + float(event["loadings"] @ factors)
                if z < event["threshold"]:
                    cut = rng.beta(*event["severity"]) if event["severity"] else event["cut"]
                    loss = float(np.interp(cut, grid, event["table"]))
                    total[i] += loss
                    parts[event["part"], i] += loss
        return total, parts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="model folder (e.g. data/models/kaz)")
    parser.add_argument("--scenario", required=True, help="scenario .toml (e.g. data/models/kaz/scenarios/default.toml)")
    parser.add_argument("--draws", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--mode", choices=["vectorized", "loop"], default="vectorized")
    args = parser.parse_args()
    start = time.perf_counter()
    reference = Reference(args.model, args.scenario)
    loaded = time.perf_counter()
    cpu_loaded = time.process_time()
    reference.prepare()
    prepared = time.perf_counter()
    sample = reference.simulate_vectorized if args.mode == "vectorized" else reference.simulate_loop
    total, parts = sample(args.draws, args.seed)
    ordered = np.sort(total)  # the same work as the engine's VaR/CVaR at 0.99
    rank = max(1, math.ceil(0.99 * args.draws - 1e-12))
    end = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_loaded
    seconds = end - loaded  # tables + draws + summary, as the engine's "simulate" stage
    print(json.dumps({
        "mode": args.mode, "draws": args.draws, "seed": args.seed, "seconds": seconds,
        "load_seconds": loaded - start, "table_seconds": prepared - loaded, "sample_seconds": end - prepared,
        "draws_per_second": args.draws / seconds, "cpu_seconds": cpu_seconds,
        "mean_loss": float(total.mean()), "stderr": float(total.std(ddof=1) / math.sqrt(args.draws)),
        "var_0.99": float(ordered[rank - 1]), "cvar_0.99": float(ordered[min(rank, args.draws - 1):].mean()),
        "contributions": {c: float(parts[p].mean()) for p, c in enumerate(reference.model.directions)},
        "occurrence_tables": [float(e["table"][-1]) for e in reference.events],
    }))


if __name__ == "__main__":
    main()
