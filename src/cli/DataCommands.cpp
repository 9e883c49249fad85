// The commands that read other inputs than a model: bargain, import, atlas, options.
#include <iostream>

#include "cli/CliOutput.h"
#include "cli/CommandTable.h"
#include "cli/ProgressBar.h"
#include "common/FileIo.h"
#include "report/AtlasCsv.h"
#include "report/AtlasReport.h"
#include "report/BargainReport.h"
#include "report/ImportReport.h"
#include "report/OptionsReport.h"
#include "run/AtlasRun.h"
#include "run/BargainingRun.h"
#include "run/ImportRun.h"

namespace tengerim {

void bargain_command(const RunOptions& options) {
  Pipeline pipeline(options);
  const BargainingRun run = run_bargain(pipeline);
  pipeline.stage("render");
  if (options.text("output.format") == "json") return emit_document(pipeline, document(pipeline.summary(), bargain_json(run)));
  emit_text(pipeline, bargain_text(run));
}

void import_command(const RunOptions& options) {
  Pipeline pipeline(options);
  const ImportRun run = run_import(pipeline);
  pipeline.stage("render");
  if (options.text("output.format") == "json") return emit_document(pipeline, document(pipeline.summary(), import_json(run)));
  if (!options.text("output.out").empty()) return emit_text(pipeline, import_text(run));
  const RunSummary summary = pipeline.finish();
  std::cerr << import_text(run) << "tengerim: " << summary.brief() << "\n";  // a log of what was written
}

void atlas_command(const RunOptions& options) {
  ProgressBar bar("atlas", options.flag("run.progress"));
  Pipeline pipeline(options);
  auto run = run_atlas(pipeline);
  const Atlas& atlas = *run->atlas;
  const size_t directions = atlas.direction_ids().size();
  std::string csv = atlas_csv_header(atlas.direction_ids(), run->with_formats, run->with_sources);
  AtlasTally tally;
  tally.countries = atlas.countries().size();
  for (size_t i = 0; i < tally.countries; ++i) {
    bar.update(i, tally.countries);
    pipeline.tick(i, tally.countries);
    auto rows = run->atlas->rows_for(i);
    for (const auto& row : rows) {
      tally.first_year = tally.rows == 0 ? row.year : std::min(tally.first_year, row.year);
      tally.last_year = std::max(tally.last_year, row.year);
      ++tally.rows;
    }
    append_atlas_csv(rows, csv, run->with_formats ? 3 * directions : 0, run->with_sources);
  }
  bar.update(tally.countries, tally.countries);
  const std::string out = options.text("output.out");
  emit_text(pipeline, csv);
  std::cerr << atlas_text(tally, out.empty() ? "stdout" : out, atlas.unmatched());
}

void options_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.stage("render");
  const std::string format = options.text("output.format");
  if (format == "json") return emit_document(pipeline, document(pipeline.summary(), options_json()));
  emit_text(pipeline, format == "markdown" ? options_markdown() : options_text());
}

}  // namespace tengerim
