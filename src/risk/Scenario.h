#pragma once
// A validated scenario (docs/model.md §4): shocks by a direction or partner
// in a domain, edge closures or deratings of the corridor network, the
// cross-domain coupling Gamma, and for Monte Carlo each shock's yearly
// probability, Beta severity and loadings on named common factors.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tengerim {

struct BetaSeverity {
  double alpha = 1;  // > 0
  double beta = 1;   // > 0
};

// The declared range of a judgement a sensitivity run draws (risk/ScenarioDesign.h).
struct FigureRange {
  double low = 0;
  double high = 0;
};

struct Shock {
  std::string id;
  std::string direction;  // the direction that cuts (resolved from `partner` when given);
                          // for an edge shock, the one its loss is charged to
  std::string partner;    // ISO3 or bloc code; empty = the whole direction
  std::string domain;     // for an edge shock: its commodity's domain, empty when none is linked
  // Set: the shock cuts this one edge (index in the network's edges) instead
  // of the direction's edges or flows; [[edges]] entries with a probability
  // are read as such shocks, with cut = 1 - factor.
  std::optional<size_t> edge;
  // An edge closure's cause (a direction id); empty for one without an actor
  // (a storm, an accident). An actor's closure also cuts `edges_taken`: every
  // other edge one of whose controllers is in the actor's direction, less the
  // scenario's `exceptions` (the focal state's own code never counts).
  std::string actor;
  std::vector<size_t> edges_taken;
  double cut = 0;         // fraction of the flow with them (or of the edge's capacity) that stops, in [0, 1]
  double duration = 1;    // years; the loss counts min(duration, 1) of a year
  std::optional<double> probability;     // yearly, in [0, 1]; Monte Carlo only
  std::optional<BetaSeverity> severity;  // the cut's distribution in Monte Carlo
  std::map<std::string, double> loadings;  // common factor id -> loading in (-1, 1)
  long line = 0;
  // Ranges of the figures declared as judgements {value, range, rationale};
  // the severity's is the range of its mean cut alpha / (alpha + beta).
  std::optional<FigureRange> cut_range;
  std::optional<FigureRange> duration_range;
  std::optional<FigureRange> probability_range;
  std::optional<FigureRange> severity_range;
  std::map<std::string, FigureRange> loading_ranges;
};

// A deterministic closure or derating (an [[edges]] entry with no probability): `shock` only.
struct EdgeChange {
  size_t edge = 0;     // index in the network's edges
  std::string actor;                // as Shock::actor
  std::vector<size_t> edges_taken;  // as Shock::edges_taken: changed by the same factor
  double factor = 0;   // capacity multiplier: 0 closes, 0.5 derates by half
  double duration = 1; // years
  long line = 0;
};

struct CouplingEntry {
  std::string from;  // domain whose loss spills over
  std::string to;    // domain that receives it
  double value = 0;  // loss in `to` per unit loss in `from`
  // The spill is the same dollars as the loss in `from` (oil stranded is exports lost):
  // it counts in the index, never again in money (risk/MoneyLoss.h).
  bool same_dollars = false;
  std::optional<FigureRange> range;  // when the value is a judgement with a range
};

struct CommonFactor {
  std::string id;
  std::string rationale;
};

struct Scenario {
  std::string name;
  std::string file;  // for messages
  std::string description;
  std::vector<Shock> shocks;
  std::vector<EdgeChange> edges;
  std::vector<CouplingEntry> coupling;
  std::vector<CommonFactor> factors;
};

}  // namespace tengerim
