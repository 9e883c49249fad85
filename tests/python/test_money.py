"""The module's risk frames carry the CLI's money figures (docs/risk.md, "Losses in money")."""
import json
import os
import subprocess

import tengerim

CLI = os.environ["TENGERIM_BINARY"]


def test_risk_frames_carry_the_clis_money_figures():
    result = tengerim.Model.load("builtin:kaz").risk(draws=5000)
    document = json.loads(subprocess.run([CLI, "risk", "--draws", "5000", "--format", "json"], capture_output=True,
                                         text=True).stdout)
    tail = result.tail.set_index("level")
    for level in ("0.95", "0.99"):
        assert tail.loc[float(level), "var_usd"] == document["var_usd"][level]
        assert tail.loc[float(level), "cvar_gdp"] == document["cvar_gdp"][level]
    contributions = result.contributions
    west = contributions[(contributions.direction == "west") & (contributions.statistic == "mean")]
    assert west.contribution_usd.iloc[0] == document["contributions_usd"]["west"]["mean"]
