#pragma once
// `atlas`: every country's balance sheet from the world files, each file read
// and parsed once. The rows are handed out a country at a time (Atlas::rows_for)
// so that memory stays bounded by one country.
#include <memory>
#include <optional>

#include "data/CowIgoTable.h"
#include "data/CowTradeTable.h"
#include "data/ImfDotsTable.h"
#include "data/SipriTable.h"
#include "data/UnVotesTable.h"
#include "data/WdiGdpTable.h"
#include "measure/Atlas.h"
#include "run/Pipeline.h"

namespace tengerim {

struct AtlasRun {
  std::optional<CowTradeTable> trade;
  std::optional<ImfDotsTable> dots;
  std::optional<WdiGdpTable> gdp;
  std::optional<UnVotesTable> votes;
  std::optional<SipriTable> arms;
  std::optional<CowIgoTable> igo;
  std::unique_ptr<Atlas> atlas;  // refers to the tables above
  bool with_formats = false;
  bool with_sources = false;  // IMF trade or GDP given: the trade_sources and gdp_usd columns
};

// Parses the files (stage "load"); the caller then walks atlas->rows_for(i).
std::unique_ptr<AtlasRun> run_atlas(Pipeline& pipeline);

}  // namespace tengerim
