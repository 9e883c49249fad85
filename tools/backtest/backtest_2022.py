#!/usr/bin/env python3
"""The 2022 backtest of docs/risk.md: each CPC episode of 2022 as its own `shock` run
(docs/backtest/2022-*.toml), then the year's sum. Episodes are run one at a time because a
scenario's shocks act together; 2022's happened months apart.

Usage: backtest_2022.py TENGERIM_BINARY [--factor F]   (F replaces the SPM-cracks factor, e.g. 0.2)
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
EPISODES = ["2022-cpc-storm", "2022-cpc-munitions", "2022-cpc-spm-cracks"]


def run(binary, scenario):
    out = subprocess.run([binary, "shock", "--scenario", str(scenario), "--year", "2022", "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    binary = sys.argv[1]
    factor = float(sys.argv[sys.argv.index("--factor") + 1]) if "--factor" in sys.argv else None
    total_mt = total_usd = 0.0
    print(f"{'episode':<22}{'years':>8}{'stranded Mt/yr':>16}{'stranded Mt':>13}{'loss bn USD':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in EPISODES:
            path = ROOT / "docs" / "backtest" / f"{name}.toml"
            if factor is not None and name == "2022-cpc-spm-cracks":
                text = path.read_text().replace("factor = 0.333", f"factor = {factor}")
                path = pathlib.Path(tmp) / path.name
                path.write_text(text)
            doc = run(binary, path)
            duration = float(next(l for l in path.read_text().splitlines() if l.startswith("duration")).split("=")[1])
            stranded = doc["stranded"]["oil"]
            usd = doc["loss"]["total_usd"]
            total_mt += stranded * duration
            total_usd += usd
            print(f"{name:<22}{duration:>8.4f}{stranded:>16.2f}{stranded * duration:>13.2f}{usd / 1e9:>13.3f}")
    gdp = doc["gdp_usd"]
    print(f"{'2022':<22}{'':>8}{'':>16}{total_mt:>13.2f}{total_usd / 1e9:>13.3f}  ({100 * total_usd / gdp:.2f} % of GDP)")


if __name__ == "__main__":
    main()
