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


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """KAZ from the IMF DOTS slice: 2010, 2014 and 2019 published."""
    folder = str(tmp_path_factory.mktemp("explain") / "model")
    source = os.path.join(os.environ["TENGERIM_SOURCE_DIR"], "tests", "data", "imf_dots_slice.csv")
    assert cli("import", "imf-dots", source, "--focal", "KAZ", "--into", folder).returncode == 0
    return folder


def test_bands_and_explain_frames_are_the_documents(imported):
    report = tengerim.Model.load(imported).report(sensitivity=12, explain=[2010, 2019])
    assert report.to_json() == cli("report", imported, "--sensitivity", "12", "--explain", "2010", "2019",
                                   "--format", "json").stdout
    explained = report.document["explain"]
    frame = report.explain
    # Per figure the parts sum to the figure's change, and B's rows are the document's parts.
    sums = frame.groupby("figure")["value"].sum()
    totals = frame.groupby("figure")["total"].first()
    assert (abs(sums - totals) < 1e-12).all()
    balance = frame[frame.figure == "balance"]
    assert list(balance.domain) == [part["domain"] for part in explained["balance"]["parts"]]
    assert list(balance.value) == [part["value"] for part in explained["balance"]["parts"]]
    bands = report.bands
    row = bands[(bands.year == 2019) & (bands.figure == "balance")].iloc[0]
    band = next(year for year in report.document["years"] if year["year"] == 2019)["bands"]["balance"]
    assert (row.p05, row.p50, row.p95) == (band["p05"], band["p50"], band["p95"])
    assert tengerim.Model.load(imported).report().explain.empty
    assert tengerim.Model.load(imported).explain(2010, 2019).to_json() == cli(
        "report", imported, "--explain", "2010", "2019", "--format", "json").stdout
