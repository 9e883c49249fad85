#pragma once
// What one run of the bargaining model produces, round by round. Stakeholders
// are referred to by their index in the StakeholderSet the run was made from.
#include <cstddef>
#include <optional>
#include <vector>

namespace tengerim {

enum class MoveKind { Confrontation, Compromise, Capitulation };
const char* to_string(MoveKind kind);

struct BargainMove {
  size_t actor = 0;   // who moves
  size_t toward = 0;  // whose position it moves toward
  MoveKind kind = MoveKind::Confrontation;
  double from = 0;          // position before the round
  double new_position = 0;  // position after the round
};

struct BargainRound {
  int round = 0;                        // 1-based
  std::vector<double> risk_exponents;   // r_k used in this round, in [0.5, 2]
  std::vector<double> positions;        // after the round's moves
  std::vector<BargainMove> moves;       // in stakeholder order
  double mean = 0;    // capability x salience weighted mean of `positions`
  double median = 0;  // Condorcet winner among `positions`
};

// Positions after round `repeat` equal (within 1e-9 each) those after the
// earlier round `first` (0: the initial positions): the run repeats with
// period repeat - first. Period 1 is convergence; 2 or more is a cycle, and
// the forecast is then the range of the cycle's rounds, not the last round.
struct BargainCycle {
  int first = 0;
  int repeat = 0;
  int length() const { return repeat - first; }
  double median_low = 0, median_high = 0;  // over rounds first+1 .. repeat
  double mean_low = 0, mean_high = 0;
};

// What the run forecasts: the cycle's range when it cycles, else the last round
// (low = high). `basis` is "cycle", "converged" or "last round" (no repetition
// within the rounds run: the forecast may still move with more rounds).
struct BargainForecast {
  const char* basis = "last round";
  double median_low = 0, median_high = 0;
  double mean_low = 0, mean_high = 0;
  double median_mid() const { return (median_low + median_high) / 2; }
  double mean_mid() const { return (mean_low + mean_high) / 2; }
};

struct BargainRun {
  double initial_mean = 0;
  double initial_median = 0;
  std::vector<BargainRound> rounds;
  std::optional<BargainCycle> repetition;  // the first repetition found; none within the rounds run

  bool converged() const { return repetition && repetition->length() == 1; }
  bool cycles() const { return repetition && repetition->length() > 1; }

  double final_mean() const { return rounds.empty() ? initial_mean : rounds.back().mean; }
  double final_median() const { return rounds.empty() ? initial_median : rounds.back().median; }

  BargainForecast forecast() const {
    if (cycles()) return {"cycle", repetition->median_low, repetition->median_high, repetition->mean_low,
                          repetition->mean_high};
    return {converged() ? "converged" : "last round", final_median(), final_median(), final_mean(), final_mean()};
  }
};

}  // namespace tengerim
