#include "cli/AtlasCommand.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/ProgressBar.h"
#include "common/Error.h"
#include "common/FileIo.h"
#include "common/MappedFile.h"
#include "measure/Atlas.h"
#include "model/ModelReader.h"
#include "report/AtlasCsv.h"

namespace tengerim {
namespace {

struct AtlasOptions {
  std::string cow_trade;
  std::vector<std::string> unvotes;
  std::string sipri;
  std::string igo;
  std::string directions;
  std::string out;
  bool progress = false;
};

void run_atlas(const AtlasOptions& options) {
  if (options.cow_trade.empty() && options.unvotes.empty())
    fail_input({"", 0, "--cow-trade"}, "nothing to measure: give --cow-trade FILE and/or --unvotes VOTES ROLLCALLS");
  AtlasInputs inputs;
  if (!options.directions.empty())
    inputs.direction_set = read_direction_set(read_file(options.directions), options.directions);
  // Each file is read and parsed once; every country's model is cut from these tables.
  std::optional<CowTradeTable> trade;
  if (!options.cow_trade.empty()) {
    const MappedFile text(options.cow_trade);
    trade = CowTradeTable::parse(text.text(), options.cow_trade, CountryNames::builtin());
    inputs.trade = &*trade;
    inputs.files.push_back(options.cow_trade);
  }
  std::optional<UnVotesTable> votes;
  if (!options.unvotes.empty()) {
    const MappedFile votes_text(options.unvotes[0]), calls_text(options.unvotes[1]);
    votes = UnVotesTable::parse({options.unvotes[0], options.unvotes[1], "", votes_text.text(), calls_text.text(), ""},
                                CountryNames::builtin());
    inputs.votes = &*votes;
    inputs.files.insert(inputs.files.end(), options.unvotes.begin(), options.unvotes.end());
  }
  std::optional<SipriTable> arms;
  if (!options.sipri.empty()) {
    const MappedFile text(options.sipri);
    arms = SipriTable::parse(text.text(), options.sipri, CountryNames::builtin());
    inputs.arms = &*arms;
    inputs.files.push_back(options.sipri);
  }
  std::optional<CowIgoTable> igo;
  if (!options.igo.empty()) {
    const MappedFile text(options.igo);
    igo = CowIgoTable::parse(text.text(), options.igo, CountryNames::builtin());
    inputs.igo = &*igo;
    inputs.files.push_back(options.igo);
  }
  const bool with_formats = inputs.igo != nullptr;
  Atlas atlas(std::move(inputs));
  ProgressBar progress("atlas", options.progress);
  std::string csv = atlas_csv_header(atlas.direction_ids(), with_formats);
  size_t rows = 0;
  int first = 0, last = 0;
  const size_t total = atlas.countries().size();
  for (size_t i = 0; i < total; ++i) {
    progress.update(i, total);
    auto country_rows = atlas.rows_for(i);
    for (const auto& row : country_rows) {
      first = rows == 0 ? row.year : std::min(first, row.year);
      last = std::max(last, row.year);
      ++rows;
    }
    append_atlas_csv(country_rows, csv, with_formats ? 3 * atlas.direction_ids().size() : 0);
  }
  progress.update(total, total);
  write_file_atomically(options.out, csv);
  std::cerr << fmt::format("tengerim atlas: {} countries, {} country-years ({}-{}), written to {}\n", total, rows,
                           first, last, options.out);
  if (!atlas.unmatched().empty()) {
    long unmatched = 0;
    for (const auto& [label, count] : atlas.unmatched()) unmatched += count;
    std::cerr << fmt::format("  {} rows had a partner with no ISO3 code (left out):\n", unmatched);
    for (const auto& [label, count] : atlas.unmatched()) std::cerr << fmt::format("    {:>6}  {}\n", count, label);
  }
}

}  // namespace

void add_atlas_command(CLI::App& app) {
  auto options = std::make_shared<AtlasOptions>();
  auto* command = app.add_subcommand(
      "atlas", "The balance sheet of every country in the data for every year it covers, one CSV row per "
               "country-year (directions: data/reference/default_directions.toml, or --directions)");
  command->add_option("--cow-trade", options->cow_trade, "COW dyadic trade v4 (cow_trade_dyadic_ndy.csv)");
  command->add_option("--unvotes", options->unvotes, "UN votes: un_votes.csv un_roll_calls.csv")->expected(2);
  command->add_option("--sipri", options->sipri,
                      "SIPRI arms trade register (trade_register.csv): adds the domain arms to every country");
  command->add_option("--igo", options->igo,
                      "COW IGO v3 (igo_year_format3.csv): adds formats and the formats_/security_ columns");
  command->add_option("--directions", options->directions,
                      "A TOML file of [[blocs]] and [[directions]] replacing the default direction set");
  command->add_option("--out", options->out, "The CSV to write (atomically)")->required();
  command->add_flag("--progress", options->progress, "Show the progress bar even when stderr is not a terminal");
  command->callback([options] { run_atlas(*options); });
}

}  // namespace tengerim
