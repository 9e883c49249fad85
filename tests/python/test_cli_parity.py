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
