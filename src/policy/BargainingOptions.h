#pragma once
// Every choice of the expected-utility bargaining model (docs/bargaining.md,
// BARGAINING.md) as a named option, and the two presets: `scholz-code` (what
// the published replication's numbers follow) and `published` (the paper's reading).
#include <string>
#include <vector>

namespace tengerim {

// The denominator of P(i, j), the probability that x_i prevails over x_j.
enum class Normaliser {
  AllPairs,  // "all-pairs": sum over every k and every ordered pair (a, b) of |v_k(x_a, x_b)|
  Pairwise   // "pairwise": sum over every k of |v_k(x_i, x_j)|
};

// Which compromise a stakeholder takes when it has several.
enum class CompromiseRule {
  SmallestWeighted,  // "smallest-weighted": least (|e_ij| x_i + |e_ji| x_j) / (|e_ij| + |e_ji|)
  LeastMove          // "least-move": the compromise that moves it least
};

struct BargainingOptions {
  std::string variant = "scholz-code";  // preset the options came from (reports only)
  Normaliser normaliser = Normaliser::AllPairs;
  CompromiseRule compromise = CompromiseRule::SmallestWeighted;
  bool capitulation = false;  // false: the capitulation test never fires (replication code)
  double q = 1.0;             // weight of the status-quo utility in E; default 1, must be >= 0
  int rounds = 10;            // bargaining rounds to run, 1..1000

  // "scholz-code" or "published"; fails (OptionError, bargain.variant) otherwise.
  static BargainingOptions preset(const std::string& variant);
  static std::vector<std::string> variant_names();
  // Fails naming the option, its value and the rule it breaks.
  void validate() const;
};

const char* to_string(Normaliser normaliser);
const char* to_string(CompromiseRule rule);
Normaliser parse_normaliser(const std::string& name);  // fails (OptionError, bargain.normaliser)
CompromiseRule parse_compromise_rule(const std::string& name);  // fails (OptionError, bargain.compromise)

}  // namespace tengerim
