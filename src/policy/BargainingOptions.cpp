#include "policy/BargainingOptions.h"

#include <fmt/format.h>

#include <cmath>

#include "common/Error.h"
#include "common/OptionError.h"

namespace tengerim {

BargainingOptions BargainingOptions::preset(const std::string& variant) {
  BargainingOptions options;
  options.variant = variant;
  if (variant == "scholz-code") return options;
  if (variant == "published") {
    options.normaliser = Normaliser::Pairwise;
    options.compromise = CompromiseRule::LeastMove;
    options.capitulation = true;
    return options;
  }
  fail_option("bargain.variant", variant, "must be one of scholz-code, published");
}

std::vector<std::string> BargainingOptions::variant_names() { return {"scholz-code", "published"}; }

void BargainingOptions::validate() const {
  if (!std::isfinite(q) || q < 0)
    fail_option("bargain.q", fmt::format("{}", q), "must be a number in [0, inf)");
  if (rounds < 1 || rounds > 1000)
    fail_option("bargain.rounds", std::to_string(rounds), "must be a whole number in [1, 1000]");
}

const char* to_string(Normaliser normaliser) {
  return normaliser == Normaliser::AllPairs ? "all-pairs" : "pairwise";
}

const char* to_string(CompromiseRule rule) {
  return rule == CompromiseRule::SmallestWeighted ? "smallest-weighted" : "least-move";
}

Normaliser parse_normaliser(const std::string& name) {
  if (name == "all-pairs") return Normaliser::AllPairs;
  if (name == "pairwise") return Normaliser::Pairwise;
  fail_option("bargain.normaliser", name, "must be one of all-pairs, pairwise");
}

CompromiseRule parse_compromise_rule(const std::string& name) {
  if (name == "smallest-weighted") return CompromiseRule::SmallestWeighted;
  if (name == "least-move") return CompromiseRule::LeastMove;
  fail_option("bargain.compromise", name, "must be one of smallest-weighted, least-move");
}

}  // namespace tengerim
