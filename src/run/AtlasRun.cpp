#include "run/AtlasRun.h"

#include "common/FileIo.h"
#include "common/MappedFile.h"
#include "common/OptionError.h"
#include "model/ModelReader.h"

namespace tengerim {

std::unique_ptr<AtlasRun> run_atlas(Pipeline& pipeline) {
  const RunOptions& options = pipeline.options();
  const std::string cow_trade = options.text("atlas.cow_trade");
  const std::vector<std::string> unvotes = options.texts("atlas.unvotes");
  const std::string imf_dots = options.text("atlas.imf_dots"), wdi_gdp = options.text("atlas.wdi_gdp");
  if (cow_trade.empty() && unvotes.empty() && imf_dots.empty())
    fail_option("atlas.cow_trade", "", "nothing to measure: give the COW trade file, the IMF DOTS file and/or the UN "
                                       "votes files");
  pipeline.stage("load");
  auto run = std::make_unique<AtlasRun>();
  AtlasInputs inputs;
  if (const std::string directions = options.text("atlas.directions"); !directions.empty())
    inputs.direction_set = read_direction_set(read_file(directions), directions);
  if (!cow_trade.empty()) {
    const MappedFile text(cow_trade);
    run->trade = CowTradeTable::parse(text.text(), cow_trade, CountryNames::builtin());
    inputs.trade = &*run->trade;
    inputs.files.push_back(cow_trade);
  }
  if (!imf_dots.empty()) {
    const MappedFile text(imf_dots);
    run->dots = ImfDotsTable::parse(text.text(), imf_dots, CountryNames::builtin());
    inputs.dots = &*run->dots;
    inputs.files.push_back(imf_dots);
  }
  if (!wdi_gdp.empty()) {
    const MappedFile text(wdi_gdp);
    run->gdp = WdiGdpTable::parse(text.text(), wdi_gdp);
    inputs.gdp = &*run->gdp;
    inputs.files.push_back(wdi_gdp);
  }
  if (!unvotes.empty()) {
    const MappedFile votes_text(unvotes[0]), calls_text(unvotes[1]);
    run->votes = UnVotesTable::parse({unvotes[0], unvotes[1], "", votes_text.text(), calls_text.text(), ""},
                                     CountryNames::builtin());
    inputs.votes = &*run->votes;
    inputs.files.insert(inputs.files.end(), unvotes.begin(), unvotes.end());
  }
  if (const std::string sipri = options.text("atlas.sipri"); !sipri.empty()) {
    const MappedFile text(sipri);
    run->arms = SipriTable::parse(text.text(), sipri, CountryNames::builtin());
    inputs.arms = &*run->arms;
    inputs.files.push_back(sipri);
  }
  if (const std::string igo = options.text("atlas.cow_igo"); !igo.empty()) {
    const MappedFile text(igo);
    run->igo = CowIgoTable::parse(text.text(), igo, CountryNames::builtin());
    inputs.igo = &*run->igo;
    inputs.files.push_back(igo);
  }
  run->with_formats = inputs.igo != nullptr;
  run->with_sources = inputs.dots != nullptr || inputs.gdp != nullptr;
  run->atlas = std::make_unique<Atlas>(std::move(inputs));
  pipeline.stage("measure");
  return run;
}

}  // namespace tengerim
