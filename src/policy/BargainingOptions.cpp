#include "policy/BargainingOptions.h"

#include <fmt/format.h>

#include <cmath>

#include "common/Error.h"

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
  fail_input({"", 0, "--variant"}, fmt::format("'{}' is not a variant (expected scholz-code or published)", variant));
}

std::vector<std::string> BargainingOptions::variant_names() { return {"scholz-code", "published"}; }

void BargainingOptions::validate() const {
  if (!std::isfinite(q) || q < 0)
    fail_input({"", 0, "--q"}, fmt::format("{}: must be a finite number >= 0", q));
  if (rounds < 1 || rounds > 1000)
    fail_input({"", 0, "--rounds"}, fmt::format("{}: must be a whole number in [1, 1000]", rounds));
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
  fail_input({"", 0, "--normaliser"}, fmt::format("'{}' is not a normaliser (expected all-pairs or pairwise)", name));
}

CompromiseRule parse_compromise_rule(const std::string& name) {
  if (name == "smallest-weighted") return CompromiseRule::SmallestWeighted;
  if (name == "least-move") return CompromiseRule::LeastMove;
  fail_input({"", 0, "--compromise"},
             fmt::format("'{}' is not a compromise rule (expected smallest-weighted or least-move)", name));
}

}  // namespace tengerim
