"""Tengerim in Python: the engine's pipeline, results as pandas DataFrames.

    import tengerim
    model = tengerim.Model.load("builtin:kaz")      # or a model folder
    sheet = model.report()                          # sheet.domains, .directions, .series
    risk = model.risk(draws=20000, seed=7)          # risk.tail, .contributions, .shocks
    shock = model.shock(scenario="builtin:..."); shock.edges
    imported = tengerim.import_data(kind="undesa-migrants", files=[path], focal="MNG", into="models/mng")

Keywords are the option registry's (`tengerim options`), named without their
command: `risk.draws` is `draws`, with the same defaults and checks as the CLI;
a bad value raises tengerim.OptionError, a bad model tengerim.Error with
.kind, .file, .line and .field. Runs release the GIL; Ctrl-C stops them
(KeyboardInterrupt). `.to_json()` of a result is the CLI's JSON document.
"""
import json

from . import _keywords, _results, _tengerim
from ._results import Bargain, Import, Plan, Report, Result, Risk, Shock, Simulation
from ._tengerim import Error, OptionError

__version__ = _tengerim.__version__
__all__ = ["Model", "Error", "OptionError", "bargain", "import_data", "Result", "Report", "Risk", "Shock",
           "Simulation", "Plan", "Bargain", "Import"]


def _plain(value):
    """A keyword's value as JSON (NumPy scalars and arrays, tuples)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (tuple, set)):
        return list(value)
    raise TypeError(f"{value!r} is not a value an option takes")


def _progress(progress):
    if progress is not True:
        return progress
    from tqdm import tqdm  # optional: only when asked for

    bar = tqdm(unit="draws")

    def update(done, total):
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _run(command, handle, result_type, progress, options):
    given = {name: value for name, value in options.items() if value is not None}
    text, stages = _tengerim.run(command, handle, json.dumps(given, default=_plain), _progress(progress))
    return result_type(text, stages)


class Model:
    """A model read, validated and measured once; every run on it reuses it."""

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def load(cls, reference="builtin:kaz"):
        """Loads `builtin:NAME` (a shipped model) or a model folder; a bad one raises tengerim.Error
        naming the file, line and field."""
        return cls(_tengerim.load_model(str(reference)))

    reference = property(lambda self: self._handle.reference, doc="The model as given to load()")
    label = property(lambda self: self._handle.label, doc="The model as runs name it")
    content_hash = property(lambda self: self._handle.content_hash, doc="Hash of every file of the model")
    focal = property(lambda self: self._handle.focal, doc="The focal country (ISO3)")
    name = property(lambda self: self._handle.name, doc="The focal country's name")
    years = property(lambda self: self._handle.years, doc="(first, last) year of the model")

    def __repr__(self):
        return f"<tengerim.Model {self.label} ({self.focal}, {self.content_hash[:15]})>"


def _model_method(command, result_type, intro):
    def method(self, *, progress=None, **options):
        return _run(command, self._handle, result_type, progress, options)

    method.__name__ = method.__qualname__ = command
    method.__doc__ = _keywords.docstring(command, intro)
    method.__signature__ = _keywords.signature(command, [_keywords.inspect.Parameter(
        "self", _keywords.inspect.Parameter.POSITIONAL_ONLY)])
    setattr(Model, command, method)


_model_method("report", Report, "Returns a Report: .domains, .directions, .series, .bands, .explain (DataFrames), "
                               ".summary, .to_json().")


def _explain(self, a, b, **options):
    """`report(explain=[a, b], ...)`: the Report whose .explain splits the change in B, D and Lambda from
    published year a to published year b into its Shapley parts (docs/measures.md)."""
    return self.report(explain=[a, b], **options)


Model.explain = _explain
_model_method("shock", Shock, "Returns a Shock: .edges, .markets, .losses (DataFrames), .summary, .to_json().")
_model_method("risk", Risk, "Returns a Risk: .tail, .contributions, .shocks, .envelope, .conclusions, .warnings (DataFrames), .summary, .to_json().")
_model_method("simulate", Simulation, "Returns a Simulation: .document, .summary, .to_json().")
_model_method("optimize", Plan, "Returns a Plan: .document, .summary, .to_json().")


def bargain(*, progress=None, **options):
    return _run("bargain", None, Bargain, progress, options)


bargain.__doc__ = _keywords.docstring("bargain", "Returns a Bargain: .document, .summary, .to_json().")
bargain.__signature__ = _keywords.signature("bargain")


def import_data(*, progress=None, **options):
    return _run("import", None, Import, progress, options)


import_data.__doc__ = _keywords.docstring("import", "Returns an Import: .domains (a DataFrame), .model, .document, "
                                          ".summary, .to_json().")
import_data.__signature__ = _keywords.signature("import")
