// The extension `tengerim._tengerim`: models loaded once, and the pipeline of
// each command run on them, returning the document the CLI writes with
// --format json (the package's Python code builds the DataFrames from it).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>

#include "PythonErrors.h"
#include "PythonOptions.h"
#include "PythonRun.h"
#include "common/Version.h"
#include "report/BargainReport.h"
#include "report/ImportReport.h"
#include "report/ReportRunJson.h"
#include "report/OptimizeReport.h"
#include "report/RiskReport.h"
#include "report/ShockReport.h"
#include "report/SimulateReport.h"
#include "run/BargainingRun.h"
#include "run/ImportRun.h"
#include "run/OptimizeRun.h"
#include "run/ReportRun.h"
#include "run/RiskRun.h"
#include "run/ShockRun.h"
#include "run/SimulateRun.h"

namespace py = pybind11;

namespace tengerim {
namespace {

struct PythonModel {
  std::shared_ptr<const ModelSnapshot> snapshot;
  std::string reference;  // as given: the document's run.model, as the CLI's argument
};

using Figures = Json (*)(Pipeline& pipeline);

const std::map<std::string, Figures>& figures_of() {
  static const std::map<std::string, Figures> table = {
      {"report",
       [](Pipeline& pipeline) {
         const ReportRun run = run_report(pipeline);
         return report_run_json(run);
       }},
      {"shock", [](Pipeline& pipeline) { return shock_json(run_shock(pipeline)); }},
      {"risk", [](Pipeline& pipeline) { return risk_json(run_risk(pipeline)); }},
      {"simulate", [](Pipeline& pipeline) { return simulate_json(run_simulate(pipeline)); }},
      {"optimize", [](Pipeline& pipeline) { return optimize_json(run_optimize(pipeline)); }},
      {"bargain", [](Pipeline& pipeline) { return bargain_json(run_bargain(pipeline)); }},
      {"import", [](Pipeline& pipeline) { return import_json(run_import(pipeline)); }},
  };
  return table;
}

// The document (text, byte for byte the CLI's) and the stage times of one run.
struct Outcome {
  std::string document;
  std::vector<std::pair<std::string, double>> stages;
};

Outcome run_command(const std::string& command, const PythonModel* model, const std::string& keywords,
                    py::object progress) {
  auto found = figures_of().find(command);
  if (found == figures_of().end()) throw py::value_error("no such command: " + command);
  RunOptions options = python_options(command, keywords, model ? model->reference : std::string());
  PythonRun runner(std::move(progress));
  std::shared_ptr<const ModelSnapshot> snapshot = model ? model->snapshot : nullptr;
  const Figures figures = found->second;
  return runner.run<Outcome>([&] {
    Pipeline pipeline(std::move(options), runner.cancel_token(), runner.progress());
    if (snapshot) pipeline.use_model(snapshot);
    Json body = figures(pipeline);
    pipeline.stage("render");
    Outcome outcome{document(pipeline.summary(), std::move(body)).dump(2) + "\n", {}};
    outcome.stages = pipeline.finish().stages;
    return outcome;
  });
}

PythonModel load_model(const std::string& reference) {
  PythonRun runner{py::none()};
  return runner.run<PythonModel>([&] { return PythonModel{Pipeline::load_snapshot(reference), reference}; });
}

}  // namespace
}  // namespace tengerim

PYBIND11_MODULE(_tengerim, module) {
  using namespace tengerim;
  module.doc() = "The Tengerim engine (use the package `tengerim`, which wraps this module)";
  register_errors(module);
  module.attr("__version__") = version();

  py::class_<PythonModel>(module, "Model", "A model read, validated and measured once")
      .def_property_readonly("reference", [](const PythonModel& model) { return model.reference; })
      .def_property_readonly("label", [](const PythonModel& model) { return model.snapshot->source.label(); })
      .def_property_readonly("content_hash", [](const PythonModel& model) { return model.snapshot->content_hash; })
      .def_property_readonly("focal", [](const PythonModel& model) { return model.snapshot->sheet.focal; })
      .def_property_readonly("name", [](const PythonModel& model) { return model.snapshot->sheet.name; })
      .def_property_readonly("years", [](const PythonModel& model) {
        return std::make_pair(model.snapshot->model.first_year, model.snapshot->model.last_year);
      });

  module.def("load_model", &load_model, py::arg("reference"),
             "Reads, validates and measures a model folder or builtin:NAME");
  module.def(
      "run",
      [](const std::string& command, const PythonModel* model, const std::string& keywords, py::object progress) {
        Outcome outcome = run_command(command, model, keywords, std::move(progress));
        return py::make_tuple(outcome.document, outcome.stages);
      },
      py::arg("command"), py::arg("model").none(true), py::arg("keywords"), py::arg("progress") = py::none(),
      "Runs a command; returns (the CLI's JSON document as text, the stage times)");
  module.def("keywords", &python_keywords_json, "Every command's Python keywords from the option registry (JSON)");
}
