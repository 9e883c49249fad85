"""The module against the CLI: the same document, the same option message."""
import os
import subprocess

import pytest
import tengerim

CLI = os.environ["TENGERIM_BINARY"]


def cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def test_report_document_is_the_clis():
    assert tengerim.Model.load("builtin:kaz").report().to_json() == cli("report", "--format", "json").stdout


def test_option_message_is_the_clis_with_the_keyword():
    with pytest.raises(tengerim.OptionError) as raised:
        tengerim.Model.load("builtin:kaz").risk(draws=-5)
    line = cli("risk", "--draws", "-5").stderr.strip()
    assert line == "tengerim: error (invalid_input): " + str(raised.value).replace("draws", "--draws", 1)
    assert (raised.value.option, raised.value.key) == ("draws", "risk.draws")


def test_risk_frames_carry_the_clis_money_figures():
    import json
    result = tengerim.Model.load("builtin:kaz").risk(draws=5000)
    document = json.loads(cli("risk", "--draws", "5000", "--format", "json").stdout)
    tail = result.tail.set_index("level")
    for level in ("0.95", "0.99"):
        assert tail.loc[float(level), "var_usd"] == document["var_usd"][level]
        assert tail.loc[float(level), "cvar_gdp"] == document["cvar_gdp"][level]
    contributions = result.contributions
    west = contributions[(contributions.direction == "west") & (contributions.statistic == "mean")]
    assert west.contribution_usd.iloc[0] == document["contributions_usd"]["west"]["mean"]
