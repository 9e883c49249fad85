"""The keywords of each command, from the engine's option registry.

Nothing here declares an option: names, types, defaults, units, ranges and docs
come from src/run/OptionRegistry.cpp through the extension, and make the
methods' signatures, their docstrings and the type stubs (tengerim/_stubs.py).
"""
import inspect
import json

from . import _tengerim

COMMANDS = json.loads(_tengerim.keywords())

_ANNOTATIONS = {
    "flag": "bool",
    "integer": "int",
    "number": "float",
    "numbers": "float | Sequence[float]",
    "integers": "int | Sequence[int]",
    "text": "str",
    "texts": "str | Sequence[str]",
    "choice": "str",
    "seed": "int",
}


def keywords(command):
    return COMMANDS[command]["keywords"]


def annotation(spec):
    """The keyword's type as a stub writes it."""
    if spec["type"] == "choice":
        text = "Literal[" + ", ".join(repr(choice) for choice in spec["choices"].split("|")) + "]"
    else:
        text = _ANNOTATIONS[spec["type"]]
    if spec["type"] in ("number", "integer") and spec["choices"]:
        text += " | " + " | ".join(f"Literal[{word!r}]" for word in spec["choices"].split("|"))
    if spec["default"] is None:
        text += " | None"
    return text


def describe(spec):
    """One line: the registry's doc, with the unit, range and default."""
    line = spec["doc"]
    if spec["range"]:
        line += f"; {spec['unit'] or 'in'} {spec['range']}"
    if spec["type"] == "choice" and spec["choices"]:
        line += f" ({spec['choices']})"
    if spec["default"] is not None and spec["type"] != "flag":
        line += f" [default: {spec['default']}]"
    if spec["required"]:
        line += " [required]"
    return line


def docstring(command, intro):
    """The method's docstring: what it does, then each keyword."""
    lines = [COMMANDS[command]["summary"] + ".", "", intro, "", "Keywords (the registry's options of `tengerim " + command + "`):"]
    for spec in keywords(command):
        lines.append(f"    {spec['name']}: {describe(spec)}")
    lines.append("    progress: a callable progress(done, total), or True for a tqdm bar")
    return "\n".join(lines)


def signature(command, leading=()):
    """keyword-only parameters with the registry's defaults (None: unset), then `progress`."""
    parameters = list(leading)
    for spec in keywords(command):
        parameters.append(inspect.Parameter(spec["name"], inspect.Parameter.KEYWORD_ONLY, default=spec["default"]))
    parameters.append(inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=None))
    return inspect.Signature(parameters)
