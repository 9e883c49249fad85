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


def test_import_document_is_the_clis(tmp_path):
    """import_data writes what `tengerim import --format json` writes, and says so in the same document."""
    source = os.path.join(os.environ["TENGERIM_SOURCE_DIR"], "tests", "data", "undesa2020_slice.csv")
    by_python, by_cli = str(tmp_path / "python"), str(tmp_path / "cli")
    imported = tengerim.import_data(kind="undesa-migrants", files=[source], focal="KAZ", into=by_python)
    cli_document = cli("import", "undesa-migrants", source, "--focal", "KAZ", "--into", by_cli, "--format", "json").stdout
    assert imported.to_json() == cli_document.replace(by_cli, by_python)
    # The tie counts are the rows of the ties.csv written, counted here from the file.
    with open(os.path.join(by_python, "ties.csv"), encoding="utf-8") as ties:
        rows = [line.split(",")[0] for line in ties.read().splitlines()[1:]]
    frame = imported.domains.set_index("domain")
    for domain in ("migrants_abroad", "migrants_in"):
        assert frame.loc[domain, "ties"] == rows.count(domain)
        assert frame.loc[domain, "measure"] == "stock"
    assert imported.model.focal == "KAZ"
    with open(os.path.join(by_python, "ties.csv"), encoding="utf-8") as a, open(os.path.join(by_cli, "ties.csv"),
                                                                             encoding="utf-8") as b:
        assert a.read() == b.read()


def test_import_option_error_is_the_clis_with_the_keyword(tmp_path):
    with pytest.raises(tengerim.OptionError) as raised:
        tengerim.import_data(kind="undesa-migrants", files=["x.csv"], focal="KAZ", into=str(tmp_path), years="2020-1990")
    assert raised.value.key == "import.years"
