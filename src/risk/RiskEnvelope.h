#pragma once
// The envelope of parameter uncertainty (docs/risk.md, "The envelope"): the
// Monte Carlo run again at each point of a Latin hypercube over every
// judgement the loss rests on, summarised by the 5th, 50th and 95th
// percentiles of each figure across the points, the Monte Carlo standard
// error of one point beside them (so the reader sees which uncertainty
// dominates), and conclusions with the share of points in which each holds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "risk/MonteCarlo.h"

namespace tengerim {

struct EnvelopeBand {
  double p05 = 0;
  double p50 = 0;
  double p95 = 0;
  double mc_stderr = 0;  // median over the points of the figure's Monte Carlo standard error
};

struct EnvelopeLevel {
  double level = 0;
  EnvelopeBand var;
  EnvelopeBand cvar;
};

struct EnvelopeConclusion {
  std::string id;    // e.g. "top-cvar-0.95-west", "largest-shock-cpc-halt"
  std::string text;
  double share = 0;  // of the parameter draws in which it holds
};

// One point of the design: its Monte Carlo result, and each shock's expected
// yearly loss (probability x total loss at its mean cut, index units).
struct EnvelopePoint {
  RiskResult result;
  std::vector<double> shock_expected_loss;
};

struct RiskEnvelope {
  size_t draws = 0;                 // parameter draws (points of the design)
  uint64_t seed = 0;
  std::vector<std::string> varied;  // the judgements drawn, in the design's column order
  EnvelopeBand mean_loss;
  std::vector<EnvelopeLevel> tails;  // one per asked level
  std::optional<EnvelopeBand> mean_loss_usd;  // when the losses have money
  std::vector<EnvelopeLevel> tails_usd;
  std::vector<EnvelopeConclusion> conclusions;
};

// `parts`: the direction ids of the results' contributions; `shocks`: the
// scenario's shock ids; `levels`: the asked levels (the first of each result's tails).
RiskEnvelope summarise_envelope(const std::vector<EnvelopePoint>& points, const std::vector<std::string>& parts,
                                const std::vector<std::string>& shocks, const std::vector<double>& levels);

}  // namespace tengerim
