#include "policy/BargainSensitivity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "common/Error.h"
#include "common/OptionError.h"
#include "policy/BargainingModel.h"

namespace tengerim {
namespace {

// U[0, 1) from the top 53 bits: the same on every standard library
// (std::uniform_real_distribution is not specified bit for bit).
double unit_uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double percentile(const std::vector<double>& sorted, double p) {
  const double rank = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<size_t>(std::floor(rank));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = rank - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

}  // namespace

void SensitivityOptions::validate() const {
  if (draws < 0 || draws > 100000)
    fail_option("bargain.sensitivity", std::to_string(draws), "must be a whole number in [0, 100000]");
  if (!(jitter >= 0 && jitter <= 1))
    throw Error(ErrorKind::Internal, {}, fmt::format("sensitivity jitter {} outside [0, 1]", jitter));
}

Distribution Distribution::of(std::vector<double> values) {
  Distribution result;
  if (values.empty()) return result;
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double value : values) sum += value;
  const double count = static_cast<double>(values.size());
  result.mean = sum / count;
  double squares = 0;
  for (double value : values) squares += (value - result.mean) * (value - result.mean);
  result.sd = values.size() > 1 ? std::sqrt(squares / (count - 1)) : 0;
  result.min = values.front();
  result.max = values.back();
  result.p05 = percentile(values, 0.05);
  result.p25 = percentile(values, 0.25);
  result.p50 = percentile(values, 0.50);
  result.p75 = percentile(values, 0.75);
  result.p95 = percentile(values, 0.95);
  return result;
}

std::uint64_t splitmix64(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

StakeholderSet jittered_issue(const StakeholderSet& issue, const SensitivityOptions& options, std::uint64_t draw) {
  std::mt19937_64 rng(splitmix64(splitmix64(options.seed) + draw));
  auto jitter = [&](double value) {
    const double factor = 1 + options.jitter * (2 * unit_uniform(rng) - 1);
    return std::clamp(value * factor, 0.0, 1.0);
  };
  double low = issue.members.front().position, high = low;
  for (const auto& member : issue.members) {
    low = std::min(low, member.position);
    high = std::max(high, member.position);
  }
  const double shift = options.jitter * (high - low);
  StakeholderSet result = issue;
  for (auto& member : result.members) {  // file order; capability, salience, then position
    member.capability = jitter(member.capability);
    member.salience = jitter(member.salience);
    member.position = std::clamp(member.position + shift * (2 * unit_uniform(rng) - 1), low, high);
  }
  return result;
}

SensitivityResult run_sensitivity(const StakeholderSet& issue, const BargainingOptions& bargaining,
                                  const SensitivityOptions& options) {
  options.validate();
  SensitivityResult result;
  result.options = options;
  for (int draw = 0; draw < options.draws; ++draw) {
    BargainRun run = BargainingModel(jittered_issue(issue, options, static_cast<std::uint64_t>(draw)), bargaining).run();
    const BargainForecast forecast = run.forecast();
    result.final_means.push_back(forecast.mean_mid());
    result.final_medians.push_back(forecast.median_mid());
    if (run.cycles()) ++result.cycling;
  }
  result.mean = Distribution::of(result.final_means);
  result.median = Distribution::of(result.final_medians);
  return result;
}

}  // namespace tengerim
