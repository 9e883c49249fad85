#include "cli/ImportCommand.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "common/CsvTable.h"
#include "common/Error.h"
#include "common/Text.h"
#include "data/Importer.h"
#include "data/ModelAssembler.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

namespace tengerim {
namespace {

struct ImportOptions {
  std::string kind;
  std::vector<std::string> files;
  std::string focal;
  std::string years;
  std::string into;
  bool strict = false;
};

void parse_years(const std::string& text, ImportRequest& request) {
  if (text.empty()) return;
  auto dash = text.find('-');
  auto first = parse_long(text.substr(0, dash));
  auto last = dash == std::string::npos ? first : parse_long(text.substr(dash + 1));
  if (!first || !last || *first > *last)
    fail_input({"", 0, "--years"}, "'" + text + "': expected A-B with A <= B (or a single year)");
  request.first_year = static_cast<int>(*first);
  request.last_year = static_cast<int>(*last);
}

void print_summary(const ImportResult& result, const std::string& into) {
  std::map<std::string, long> rows;
  for (const auto& tie : result.ties) ++rows[tie.domain];
  for (const auto& [domain, count] : rows) std::cerr << fmt::format("  {:<20} {:>7} ties\n", domain, count);
  const auto& relations = result.relations;
  if (!relations.alignment.empty()) std::cerr << fmt::format("  {:<20} {:>7} rows\n", "alignment", relations.alignment.size());
  if (!relations.formats.empty()) std::cerr << fmt::format("  {:<20} {:>7} rows\n", "formats", relations.formats.size());
  if (!relations.alliances.empty()) std::cerr << fmt::format("  {:<20} {:>7} rows\n", "alliances", relations.alliances.size());
  if (!relations.channels.empty()) std::cerr << fmt::format("  {:<20} {:>7} rows\n", "channels", relations.channels.size());
  for (const auto& note : result.notes) std::cerr << "  note: " << note << "\n";
  if (!result.unmatched.empty()) {
    long total = 0;
    for (const auto& [name, count] : result.unmatched) total += count;
    std::cerr << fmt::format("  {} rows had a partner name with no ISO3 code (not imported; --strict makes this an "
                             "error):\n", total);
    for (const auto& [name, count] : result.unmatched) std::cerr << fmt::format("    {:>6}  {}\n", count, name);
  }
  std::cerr << "  written to " << into << "\n";
}

void run_import(const ImportOptions& options) {
  const Importer* importer = find_importer(options.kind);
  if (!importer) {
    std::vector<std::string> kinds;
    for (const auto& entry : importers()) kinds.push_back(entry->kind());
    fail_input({"", 0, "KIND"}, "unknown kind '" + options.kind + "' (kinds: " + join(kinds, ", ") + ")");
  }
  if (options.files.size() < importer->min_files() || options.files.size() > importer->max_files())
    fail_input({"", 0, "FILE"}, fmt::format("{} takes {} file(s): {}", importer->kind(),
                                            importer->min_files() == importer->max_files()
                                                ? std::to_string(importer->min_files())
                                                : fmt::format("{} to {}", importer->min_files(), importer->max_files()),
                                            importer->files_help()));
  ImportRequest request;
  request.kind = options.kind;
  request.files = options.files;
  request.focal = options.focal;
  request.strict = options.strict;
  if (!CountryTable::builtin().contains(request.focal) || request.focal == "WLD" || request.focal == "XUN")
    fail_input({"", 0, "--focal"}, "unknown ISO3 code '" + request.focal + "'");
  parse_years(options.years, request);
  ImportResult result = importer->run(request, CountryNames::builtin());
  std::optional<Model> existing;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(options.into) / "model.toml", ec))
    existing = read_model(ModelSource::directory(options.into));
  Model model = assemble_model(std::move(existing), result, request);
  write_model_folder(model, options.into);
  std::cerr << fmt::format("tengerim import {}: {}\n", options.kind, model.focal);
  print_summary(result, options.into);
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  std::string kinds;
  for (const auto& importer : importers())
    kinds += fmt::format("\n  {:<16} {}", importer->kind(), importer->files_help());
  auto* command = app.add_subcommand(
      "import", "Build or extend a model folder for any focal country from a public dataset. Kinds and their files:" +
                    kinds);
  command->add_option("kind", options->kind, "The dataset kind (see above)")->required();
  command->add_option("files", options->files, "The dataset's file(s)")->required();
  command->add_option("--focal", options->focal, "The focal country, ISO 3166-1 alpha-3 (e.g. KAZ, MNG, ARM)")
      ->required();
  command->add_option("--years", options->years, "Only these years: A-B or a single year (default: all)");
  command->add_option("--into", options->into, "The model folder to write or extend (replaced atomically)")
      ->required();
  command->add_flag("--strict", options->strict, "Fail on a partner name with no ISO3 code instead of reporting it");
  command->callback([options] { run_import(*options); });
}

}  // namespace tengerim
