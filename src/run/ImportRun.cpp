#include "run/ImportRun.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/CsvTable.h"
#include "common/OptionError.h"
#include "common/Text.h"
#include "data/Importer.h"
#include "data/ModelAssembler.h"
#include "model/CountryTable.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

namespace tengerim {
namespace {

const Importer& checked_importer(const RunOptions& options) {
  const std::string kind = options.text("import.kind");
  const Importer* importer = find_importer(kind);
  if (!importer) {
    std::vector<std::string> kinds;
    for (const auto& entry : importers()) kinds.push_back(entry->kind());
    fail_option("import.kind", kind, "is not a dataset kind (kinds: " + join(kinds, ", ") + ")");
  }
  const auto files = options.texts("import.files");
  if (files.size() < importer->min_files() || files.size() > importer->max_files())
    fail_option("import.files", join(files, " "),
                fmt::format("{} takes {} file(s): {}", importer->kind(),
                            importer->min_files() == importer->max_files()
                                ? std::to_string(importer->min_files())
                                : fmt::format("{} to {}", importer->min_files(), importer->max_files()),
                            importer->files_help()));
  return *importer;
}

void parse_years(const std::string& text, ImportRequest& request) {
  if (text.empty()) return;
  auto dash = text.find('-');
  auto first = parse_long(text.substr(0, dash));
  auto last = dash == std::string::npos ? first : parse_long(text.substr(dash + 1));
  if (!first || !last || *first > *last)
    fail_option("import.years", text, "expected A-B with A <= B (or a single year)");
  request.first_year = static_cast<int>(*first);
  request.last_year = static_cast<int>(*last);
}

}  // namespace

ImportRun run_import(Pipeline& pipeline) {
  const RunOptions& options = pipeline.options();
  pipeline.stage("validate");
  const Importer& importer = checked_importer(options);
  ImportRun run;
  run.request.kind = importer.kind();
  run.request.files = options.texts("import.files");
  run.request.focal = options.text("import.focal");
  run.request.strict = options.flag("import.strict");
  if (!CountryTable::builtin().contains(run.request.focal) || run.request.focal == "WLD" || run.request.focal == "XUN")
    fail_option("import.focal", run.request.focal, "is not an ISO 3166-1 alpha-3 country code");
  parse_years(options.text("import.years"), run.request);
  run.into = options.text("import.into");
  pipeline.stage("load");
  run.result = importer.run(run.request, CountryNames::builtin());
  std::optional<Model> existing;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(run.into) / "model.toml", ec))
    existing = read_model(ModelSource::directory(run.into));
  pipeline.stage("assemble");
  if (existing) run.splice = splice_rows(existing->ties, run.result.ties);
  run.model = assemble_model(std::move(existing), run.result, run.request);
  pipeline.stage("write");
  write_model_folder(run.model, run.into);
  return run;
}

}  // namespace tengerim
