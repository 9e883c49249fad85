#include "policy/BargainingModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "common/Error.h"

namespace tengerim {
namespace {

// The quantities of one evaluation: fixed positions x and exponents r.
class Evaluation {
 public:
  Evaluation(const StakeholderSet& issue, const std::vector<double>& weight, double range,
             const BargainingOptions& options, const std::vector<double>& x, const std::vector<double>& r)
      : issue_(issue), weight_(weight), range_(range), options_(options), x_(x), r_(r) {
    if (options_.normaliser == Normaliser::AllPairs) {
      // Independent of (i, j): compute once per evaluation, not per pair.
      const size_t n = x_.size();
      for (size_t k = 0; k < n; ++k)
        for (size_t a = 0; a < n; ++a)
          for (size_t b = 0; b < n; ++b) all_pairs_ += std::abs(preference(k, x_[a], x_[b]));
    }
  }

  // v_k(a, b; r_k): how much k prefers position a over b.
  double preference(size_t k, double a, double b) const {
    return weight_[k] * (std::pow(std::abs(x_[k] - b) / range_, r_[k]) -
                         std::pow(std::abs(x_[k] - a) / range_, r_[k]));
  }

  // P(i, j): probability that x_i prevails over x_j.
  double probability(size_t i, size_t j) const {
    if (x_[i] == x_[j]) return 0;
    double support = 0, pairwise = 0;
    for (size_t k = 0; k < x_.size(); ++k) {
      double v = preference(k, x_[i], x_[j]);
      support += std::max(0.0, v);
      pairwise += std::abs(v);
    }
    double total = options_.normaliser == Normaliser::AllPairs ? all_pairs_ : pairwise;
    return total > 0 ? support / total : 0;  // no one cares either way: i has no support
  }

  // E_u(i -> j): expected utility, seen by u with u's exponent, of i challenging j.
  double expected_utility(size_t u, size_t i, size_t j) const {
    const double d = std::abs(x_[i] - x_[j]) / range_;
    const double r = r_[u];
    const double success = 2 - 4 * std::pow(0.5 - 0.5 * d, r);
    const double failure = 2 - 4 * std::pow(0.5 + 0.5 * d, r);
    const double status_quo = 2 - 4 * std::pow(0.5, r);
    const double s = issue_.members[j].salience;
    const double p = probability(i, j);
    return s * (p * success + (1 - p) * failure) + (1 - s) * success - options_.q * status_quo;
  }

 private:
  const StakeholderSet& issue_;
  const std::vector<double>& weight_;
  double range_;
  const BargainingOptions& options_;
  const std::vector<double>& x_;
  const std::vector<double>& r_;
  double all_pairs_ = 0;
};

// r_k from the danger S_k = sum_{i != k} E_k(i -> k), all evaluated at r = 1.
std::vector<double> risk_exponents(const Evaluation& neutral, size_t n) {
  std::vector<double> danger(n, 0.0);
  for (size_t k = 0; k < n; ++k)
    for (size_t i = 0; i < n; ++i)
      if (i != k) danger[k] += neutral.expected_utility(k, i, k);
  auto [low, high] = std::minmax_element(danger.begin(), danger.end());
  const double lo = *low, hi = *high;
  std::vector<double> r(n, 1.0);
  if (hi <= lo) return r;  // everyone equally exposed: risk neutral
  for (size_t k = 0; k < n; ++k) {
    double acceptance = (2 * danger[k] - hi - lo) / (hi - lo);
    r[k] = (1 - acceptance / 3) / (1 + acceptance / 3);
  }
  return r;
}

struct Candidate {
  double key = 0;  // what the choice among candidates of one kind minimises
  size_t toward = 0;
  double position = 0;
};

void keep_least(std::optional<Candidate>& best, const Candidate& candidate) {
  if (!best || candidate.key < best->key) best = candidate;  // ties: the first in stakeholder order
}

}  // namespace

const char* to_string(MoveKind kind) {
  switch (kind) {
    case MoveKind::Confrontation: return "confrontation";
    case MoveKind::Compromise: return "compromise";
    case MoveKind::Capitulation: return "capitulation";
  }
  return "?";
}

BargainingModel::BargainingModel(StakeholderSet issue, BargainingOptions options)
    : issue_(std::move(issue)), options_(std::move(options)) {
  options_.validate();
  if (issue_.members.size() < 2) throw Error(ErrorKind::Internal, {}, "bargaining needs two stakeholders");
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const auto& member : issue_.members) {
    weight_.push_back(member.capability * member.salience);
    low = std::min(low, member.position);
    high = std::max(high, member.position);
  }
  range_ = high - low;
  if (!(range_ > 0)) throw Error(ErrorKind::Internal, {}, "bargaining needs two distinct positions");
}

BargainRun BargainingModel::run() const {
  std::vector<double> positions;
  for (const auto& member : issue_.members) positions.push_back(member.position);
  BargainRun result;
  result.initial_mean = weighted_mean(positions);
  result.initial_median = median(positions);
  std::vector<std::vector<double>> history{positions};  // history[r]: after round r
  for (int number = 1; number <= options_.rounds; ++number) {
    result.rounds.push_back(round(number, positions));
    positions = result.rounds.back().positions;
    if (!result.repetition) result.repetition = find_repetition(history, positions, result.rounds);
    history.push_back(positions);
  }
  return result;
}

std::optional<BargainCycle> BargainingModel::find_repetition(const std::vector<std::vector<double>>& history,
                                                             const std::vector<double>& positions,
                                                             const std::vector<BargainRound>& rounds) {
  constexpr double kSame = 1e-9;
  for (size_t earlier = history.size(); earlier-- > 0;) {
    bool same = true;
    for (size_t k = 0; k < positions.size() && same; ++k) same = std::abs(positions[k] - history[earlier][k]) <= kSame;
    if (!same) continue;
    BargainCycle cycle;
    cycle.first = static_cast<int>(earlier);
    cycle.repeat = static_cast<int>(history.size());
    cycle.median_low = cycle.mean_low = std::numeric_limits<double>::infinity();
    cycle.median_high = cycle.mean_high = -std::numeric_limits<double>::infinity();
    for (int r = cycle.first + 1; r <= cycle.repeat; ++r) {
      const BargainRound& round = rounds[static_cast<size_t>(r - 1)];
      cycle.median_low = std::min(cycle.median_low, round.median);
      cycle.median_high = std::max(cycle.median_high, round.median);
      cycle.mean_low = std::min(cycle.mean_low, round.mean);
      cycle.mean_high = std::max(cycle.mean_high, round.mean);
    }
    return cycle;
  }
  return std::nullopt;
}

BargainRound BargainingModel::round(int number, const std::vector<double>& x) const {
  const size_t n = x.size();
  BargainRound result;
  result.round = number;
  const std::vector<double> neutral_r(n, 1.0);
  result.risk_exponents = risk_exponents(Evaluation(issue_, weight_, range_, options_, x, neutral_r), n);
  const Evaluation eval(issue_, weight_, range_, options_, x, result.risk_exponents);

  result.positions = x;  // everyone moves at once, from the positions before the round
  for (size_t i = 0; i < n; ++i) {
    std::optional<Candidate> confrontation, compromise, capitulation;
    for (size_t j = 0; j < n; ++j) {
      if (x[j] == x[i]) continue;
      const double e_ij = eval.expected_utility(i, i, j);
      const double e_ji = eval.expected_utility(i, j, i);
      const double distance = std::abs(x[j] - x[i]);
      if (e_ji > e_ij && e_ij > 0) {
        keep_least(confrontation, {distance, j, x[j]});
      } else if (e_ji > 0 && e_ij < 0 && e_ji > -e_ij) {
        const double target = x[i] + (x[j] - x[i]) * std::abs(e_ij / e_ji);
        const double key = options_.compromise == CompromiseRule::LeastMove
                               ? std::abs(target - x[i])
                               : (std::abs(e_ij) * x[i] + std::abs(e_ji) * x[j]) / (std::abs(e_ij) + std::abs(e_ji));
        keep_least(compromise, {key, j, target});
      } else if (options_.capitulation && e_ji > 0 && e_ij < 0 && e_ji < -e_ij) {
        keep_least(capitulation, {distance, j, x[j]});
      }
    }
    const std::pair<const std::optional<Candidate>*, MoveKind> order[] = {
        {&confrontation, MoveKind::Confrontation},
        {&compromise, MoveKind::Compromise},
        {&capitulation, MoveKind::Capitulation}};
    for (const auto& [candidate, kind] : order) {
      if (!*candidate) continue;
      result.positions[i] = (*candidate)->position;
      result.moves.push_back({i, (*candidate)->toward, kind, x[i], (*candidate)->position});
      break;
    }
  }
  result.mean = weighted_mean(result.positions);
  result.median = median(result.positions);
  return result;
}

double BargainingModel::weighted_mean(const std::vector<double>& positions) const {
  double weighted = 0, total = 0;
  for (size_t k = 0; k < positions.size(); ++k) {
    weighted += weight_[k] * positions[k];
    total += weight_[k];
  }
  return weighted / total;
}

double BargainingModel::median(const std::vector<double>& positions) const {
  std::vector<double> held = positions;
  std::sort(held.begin(), held.end());
  held.erase(std::unique(held.begin(), held.end()), held.end());
  // sum_k v_k(a, b; 1) = sum_k c_k s_k (|x_k - b| - |x_k - a|) / Delta
  auto support = [&](double a, double b) {
    double total = 0;
    for (size_t k = 0; k < positions.size(); ++k)
      total += weight_[k] * (std::abs(positions[k] - b) - std::abs(positions[k] - a)) / range_;
    return total;
  };
  // A tie (support 0) counts as unbeaten; the tolerance keeps rounding from breaking exact ties.
  double tolerance = 0;
  for (double w : weight_) tolerance += w * 1e-12;
  for (double a : held) {
    bool unbeaten = true;
    for (double b : held) unbeaten = unbeaten && (a == b || support(a, b) >= -tolerance);
    if (unbeaten) return a;
  }
  // Unreachable for one dimension and linear preferences (the weighted median always wins).
  throw Error(ErrorKind::Internal, {}, "no Condorcet winner among the held positions");
}

}  // namespace tengerim
