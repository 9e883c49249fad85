#include "model/Parameters.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "common/Error.h"

namespace tengerim {
namespace {

constexpr std::array kSpecs = {
    ParameterSpec{"critical_share", 0.5, 0.0, 1.0, "share",
                  "A direction's share of a domain at or above which the pair (domain, direction) "
                  "is examined for critical dependence.",
                  true, 0.4, 0.6,
                  "docs/model.md §2 default: a majority of a channel held by one power centre."},
    ParameterSpec{"critical_leverage", 0.25, 0.0, 1.0, "share x (1 - sigma)",
                  "A pair whose share reaches critical_share is critical when the leverage it gives the "
                  "direction, S x (1 - sigma), reaches this value: most of a domain held at low "
                  "substitutability.",
                  true, 0.15, 0.35,
                  "Judgement: the leverage of a bare majority (0.5) held at sigma 0.5; it flags 90 % of exports "
                  "to one power at sigma 0.5 (0.45) and a majority at sigma 0.15 (0.43), not 60 % at sigma 0.6 "
                  "(0.24). Replaces the strict 'sigma < 0.5' rule, which never fired at the importers' sigma 0.5."},
    ParameterSpec{"coverage_threshold", 0.75, 0.0, 1.0, "share of declared weight",
                  "A composite is published for a year only when the declared weight of the domains observed "
                  "or filled within their limits reaches this share.",
                  true, 0.65, 0.85,
                  "Judgement in the spirit of OECD/JRC (2008) on missing data: three quarters of the basket, so "
                  "that no more than a quarter of it is imputed by renormalising the weights."},
    ParameterSpec{"key_domain_weight", 0.15, 0.0, 1.0, "declared weight",
                  "A composite is published only when every domain of at least this declared weight is present "
                  "(observed or filled) in the year.",
                  false, 0.15, 0.15,
                  "docs/model.md §2a: a heavy domain cannot be imputed from the others."},
    ParameterSpec{"product_hhi", 0.4, 0.0, 1.0, "HHI 0-1",
                  "Product-level test: supplier concentration (HHI of imports over supplier "
                  "countries) must be strictly above this value.",
                  false, 0.4, 0.4,
                  "European Commission SWD(2021) 352, Strategic dependencies and capacities: HHI > 0.4."},
    ParameterSpec{"product_import_dependence", 0.5, 0.0, 1.0, "share",
                  "Product-level test: imports from outside the focal bloc over total demand must "
                  "be strictly above this value.",
                  false, 0.5, 0.5,
                  "European Commission SWD(2021) 352: extra-EU imports / total demand > 0.5."},
    ParameterSpec{"product_substitutability", 1.0, 0.0, 1e9, "ratio",
                  "Product-level test: the substitutability ratio given for the product must be "
                  "strictly above this value (a high ratio means little room to switch).",
                  false, 1.0, 1.0,
                  "European Commission SWD(2021) 352: extra-EU imports / EU exports > 1."},
    ParameterSpec{"product_persistence_years", 2, 1, 3, "years of 3",
                  "Product-level test: a product is dependent when all criteria hold in at least "
                  "this many of the last three years.",
                  false, 2, 2,
                  "CEPII (Vicard & Wibaux 2023) persistence rule: two of three years."},
    ParameterSpec{"channel_half_life", 2.0, 0.1, 50, "years",
                  "Half-life of past events in a direction's channel activity (exponential decay).",
                  true, 1.0, 5.0,
                  "Judgement: a state visit or agreement keeps a channel warm for a couple of years."},
    ParameterSpec{"channel_floor", 1.0, 0.0, 1e9, "events (decayed)",
                  "A direction whose decayed channel activity falls below this is flagged as a closed "
                  "channel ('phone off').",
                  true, 0.5, 5.0,
                  "Judgement: less than about one recorded interaction a year means no working channel."},
};

}  // namespace

std::span<const ParameterSpec> parameter_specs() { return kSpecs; }

const ParameterSpec* find_parameter_spec(const std::string& key) {
  for (const auto& spec : kSpecs)
    if (key == spec.key) return &spec;
  return nullptr;
}

Parameters::Parameters() {
  for (const auto& spec : kSpecs) values_[spec.key] = spec.default_value;
}

double Parameters::get(const std::string& key) const {
  auto found = values_.find(key);
  if (found == values_.end())
    throw Error(ErrorKind::Internal, {}, "undeclared parameter '" + key + "'");
  return found->second;
}

std::string Parameters::set(const std::string& key, double value) {
  const ParameterSpec* spec = find_parameter_spec(key);
  if (!spec) return "unknown parameter";
  if (!std::isfinite(value) || value < spec->min || value > spec->max)
    return fmt::format("{} = {}: must be within [{}, {}]", key, value, spec->min, spec->max);
  values_[key] = value;
  return {};
}

}  // namespace tengerim
