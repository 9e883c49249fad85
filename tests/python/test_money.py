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


def test_risk_envelope_frames_carry_the_clis_envelope():
    result = tengerim.Model.load("builtin:kaz").risk(draws=2000, sensitivity=8)
    document = json.loads(subprocess.run([CLI, "risk", "--draws", "2000", "--sensitivity", "8", "--format", "json"],
                                         capture_output=True, text=True).stdout)
    envelope = result.envelope
    cvar = envelope[(envelope.figure == "cvar") & (envelope.level == 0.95) & (envelope.unit == "usd")].iloc[0]
    assert cvar.p05 == document["envelope"]["cvar_usd"]["0.95"]["p05"]
    assert cvar.p95 == document["envelope"]["cvar_usd"]["0.95"]["p95"]
    mean = envelope[(envelope.figure == "mean_loss") & (envelope.unit == "index")].iloc[0]
    assert mean.p50 == document["envelope"]["mean_loss"]["p50"]
    assert len(envelope) == 2 * (1 + 2 * 2)  # mean, var and cvar at two levels, in the index and in dollars
    shares = result.conclusions.set_index("id").share
    assert shares["top-cvar-0.95-russia"] + shares.get("top-cvar-0.95-west", 0.0) == 1.0
    assert result.warnings.empty
    assert tengerim.Model.load("builtin:kaz").risk(draws=1000).envelope.empty
