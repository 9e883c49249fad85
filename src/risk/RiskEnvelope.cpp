#include "risk/RiskEnvelope.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "measure/SheetBands.h"

namespace tengerim {
namespace {

EnvelopeBand band_of(const std::vector<EnvelopePoint>& points, const std::function<double(const EnvelopePoint&)>& value,
                     const std::function<double(const EnvelopePoint&)>& stderr_of) {
  std::vector<double> values, errors;
  for (const auto& point : points) {
    values.push_back(value(point));
    errors.push_back(stderr_of(point));
  }
  std::sort(values.begin(), values.end());
  std::sort(errors.begin(), errors.end());
  return {sorted_quantile(values, 0.05), sorted_quantile(values, 0.5), sorted_quantile(values, 0.95),
          sorted_quantile(errors, 0.5)};
}

std::vector<EnvelopeLevel> level_bands(const std::vector<EnvelopePoint>& points, const std::vector<double>& levels,
                                       const std::function<const LossSummary&(const EnvelopePoint&)>& summary) {
  std::vector<EnvelopeLevel> out;
  for (size_t l = 0; l < levels.size(); ++l) {
    auto tail = [&, l](const EnvelopePoint& point) -> const TailFigures& { return summary(point).tails[l]; };
    out.push_back({levels[l], band_of(points, [&](const auto& p) { return tail(p).var; },
                                      [&](const auto& p) { return tail(p).var_stderr; }),
                   band_of(points, [&](const auto& p) { return tail(p).cvar; },
                           [&](const auto& p) { return tail(p).cvar_stderr; })});
  }
  return out;
}

// Index of the largest value, the first on ties; none when every value is 0.
std::optional<size_t> largest(const std::vector<double>& values) {
  std::optional<size_t> best;
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] > 0 && (!best || values[i] > values[*best])) best = i;
  return best;
}

// "NAME ... most" for each name that is largest in at least one point, with its share.
void add_leaders(const std::vector<EnvelopePoint>& points, const std::vector<std::string>& names,
                 const std::function<std::vector<double>(const EnvelopePoint&)>& values, const std::string& id_prefix,
                 const std::string& text_format, std::vector<EnvelopeConclusion>& out) {
  std::vector<size_t> count(names.size(), 0);
  for (const auto& point : points)
    if (auto best = largest(values(point))) ++count[*best];
  for (size_t i = 0; i < names.size(); ++i)
    if (count[i] > 0)
      out.push_back({id_prefix + names[i], fmt::format(fmt::runtime(text_format), names[i]),
                     static_cast<double>(count[i]) / static_cast<double>(points.size())});
}

}  // namespace

RiskEnvelope summarise_envelope(const std::vector<EnvelopePoint>& points, const std::vector<std::string>& parts,
                                const std::vector<std::string>& shocks, const std::vector<double>& levels) {
  RiskEnvelope envelope;
  envelope.draws = points.size();
  if (points.empty()) return envelope;
  auto index = [](const EnvelopePoint& point) -> const LossSummary& { return point.result.summary; };
  envelope.mean_loss = band_of(points, [](const auto& p) { return p.result.summary.mean; },
                               [](const auto& p) { return p.result.summary.mean_stderr; });
  envelope.tails = level_bands(points, levels, index);
  const bool money = std::all_of(points.begin(), points.end(), [](const auto& p) { return p.result.money.has_value(); });
  if (money) {
    auto usd = [](const EnvelopePoint& point) -> const LossSummary& { return *point.result.money; };
    envelope.mean_loss_usd = band_of(points, [](const auto& p) { return p.result.money->mean; },
                                     [](const auto& p) { return p.result.money->mean_stderr; });
    envelope.tails_usd = level_bands(points, levels, usd);
  }
  for (size_t l = 0; l < levels.size(); ++l) {
    const std::string level = fmt::format("{:g}", levels[l]);
    add_leaders(points, parts, [l](const auto& p) { return p.result.summary.tails[l].contributions; },
                "top-cvar-" + level + "-", "{} contributes most to CVaR " + level, envelope.conclusions);
    if (money)
      add_leaders(points, parts, [l](const auto& p) { return p.result.money->tails[l].contributions; },
                  "top-cvar-usd-" + level + "-", "{} contributes most to CVaR " + level + " in US dollars",
                  envelope.conclusions);
  }
  add_leaders(points, shocks, [](const auto& p) { return p.shock_expected_loss; }, "largest-shock-",
              "{} is the largest single shock (expected yearly loss at its mean cut)", envelope.conclusions);
  return envelope;
}

}  // namespace tengerim
