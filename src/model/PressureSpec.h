#pragma once
// The judgements behind great-power pressure, domestic cohesion and the cost
// of moving ties (docs/model.md §5 and §6), read from a model's pressure.toml
// and groups.csv. Every number is a Judgement (value, range, rationale) or a
// sourced poll figure; sensitivity runs vary each over its range.
#include <optional>
#include <string>
#include <vector>

#include "model/Judgement.h"

namespace tengerim {

// A power centre that reacts to the focal state's tilt.
struct PowerCentre {
  std::string direction;  // a model direction id
  Judgement tolerance;    // theta_c: the rival lead in alignment c tolerates (alignment units, 0-1)
  Judgement strength;     // kappa_c: pressure per unit of lead beyond tolerance
  long line = 0;          // in pressure.toml
};

// How fast and at what price the focal state can move its ties (optimiser, policies).
struct Adjustment {
  Judgement max_change;      // share of a domain's flow that can move in one year
  Judgement move_cost;       // loss-equivalent per unit of weighted flow moved
  Judgement tension_weight;  // loss-equivalent per unit of tension (sum over groups)
  // US dollars a year per unit of tension, when the model gives one (optional): only then
  // can a policy's net outcome be in USD (policy/NetOutcome.h).
  std::optional<Judgement> tension_usd;
};

// A part of society: population share and orientation over the model's directions.
struct SocialGroup {
  std::string id;
  Judgement share;                  // pi_g; low == high == value when a poll gives it
  std::vector<double> orientation;  // o_g, one per model direction, sums to 1
  std::string source;               // id in sources.csv, or "judgement"
  std::string note;
  long line = 0;                    // in groups.csv
};

struct PressureSpec {
  std::string file;         // pressure.toml, for messages
  std::string groups_file;  // groups.csv, for messages
  std::vector<PowerCentre> powers;
  Adjustment adjustment;
  std::vector<SocialGroup> groups;
};

}  // namespace tengerim
