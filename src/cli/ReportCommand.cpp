#include "cli/ReportCommand.h"

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "cli/CommandOutput.h"
#include "common/Error.h"
#include "common/FileIo.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"
#include "report/CsvReport.h"
#include "report/HtmlReport.h"
#include "report/JsonReport.h"
#include "report/TextReport.h"

namespace tengerim {
namespace {

struct ReportOptions {
  std::string model;
  std::optional<int> year;
  std::string html_file;  // empty: no HTML page
  CommandOutput output;
};

void run_report(ReportOptions& options) {
  auto& timer = options.output.timer;
  timer.start("load");
  Model model = read_model(ModelSource::from_argument(options.model));
  if (options.year && (*options.year < model.first_year || *options.year > model.last_year))
    fail_input({"", 0, "--year"}, fmt::format("{} is outside the model's years [{}, {}]", *options.year,
                                              model.first_year, model.last_year));
  timer.start("measure");
  BalanceSheet sheet = measure_balance(model);
  timer.start("report");
  if (!options.html_file.empty())
    return write_file_atomically(options.html_file, html_report(ModelSource::from_argument(options.model), model,
                                                                sheet, {.year = options.year}));
  std::string text;
  if (options.output.format == "json") {
    auto json = balance_sheet_json(model, sheet, options.year);
    options.output.add_profile(json);
    text = json.dump(2) + "\n";
  } else if (options.output.format == "csv") {
    text = balance_sheet_csv(sheet, options.year);
  } else {
    int latest = sheet.years.empty() ? model.last_year : sheet.years.back().year;
    int year = options.year.value_or(model.default_year.value_or(latest));
    text = balance_sheet_text(model, sheet, year);
  }
  timer.stop();
  options.output.emit(text);
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand("report", "Print the balance sheet of a model (default: the built-in Kazakhstan model)");
  command->add_option("model", options->model,
                      "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--year", options->year,
                      "Year to show (text: default the model's default year; json/csv: default all years)");
  command->add_option("--html", options->html_file,
                      "Write a self-contained HTML report (charts with sources, no network access) to FILE instead");
  options->output.declare(*command, {"text", "json", "csv"});
  command->callback([options] { run_report(*options); });
}

}  // namespace tengerim
