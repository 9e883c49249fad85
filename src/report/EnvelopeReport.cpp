#include "report/EnvelopeReport.h"

#include <fmt/format.h>

#include <functional>

#include "report/MoneyReport.h"

namespace tengerim {
namespace {

std::string level_key(double level) { return fmt::format("{:g}", level); }

Json band_json(const EnvelopeBand& band) {
  return Json{{"p05", band.p05}, {"p50", band.p50}, {"p95", band.p95}, {"mc_stderr", band.mc_stderr}};
}

// {"0.95": band, ...} of VaR (or CVaR) at each level.
Json levels_json(const std::vector<EnvelopeLevel>& tails, bool cvar) {
  Json out = Json::object();
  for (const auto& tail : tails) out[level_key(tail.level)] = band_json(cvar ? tail.cvar : tail.var);
  return out;
}

std::string band_text(const EnvelopeBand& band, const std::function<std::string(double)>& show) {
  return fmt::format("{} [{} .. {}]  (MC se {})", show(band.p50), show(band.p05), show(band.p95), show(band.mc_stderr));
}

}  // namespace

Json envelope_json(const RiskEnvelope& envelope) {
  Json json;
  json["draws"] = envelope.draws;
  json["seed"] = envelope.seed;
  json["varied"] = envelope.varied;
  json["mean_loss"] = band_json(envelope.mean_loss);
  json["var"] = levels_json(envelope.tails, false);
  json["cvar"] = levels_json(envelope.tails, true);
  if (envelope.mean_loss_usd) {
    json["mean_loss_usd"] = band_json(*envelope.mean_loss_usd);
    json["var_usd"] = levels_json(envelope.tails_usd, false);
    json["cvar_usd"] = levels_json(envelope.tails_usd, true);
  } else {
    json["mean_loss_usd"] = json["var_usd"] = json["cvar_usd"] = nullptr;
  }
  json["conclusions"] = Json::array();
  for (const auto& conclusion : envelope.conclusions)
    json["conclusions"].push_back({{"id", conclusion.id}, {"text", conclusion.text}, {"share", conclusion.share}});
  return json;
}

std::string envelope_text(const RiskEnvelope& envelope, const MoneyLoss& money) {
  std::string text = fmt::format(
      "\nEnvelope over {} parameter draws (Latin hypercube, seed {}) of {} judgements: median [p05 .. p95], and the "
      "Monte Carlo standard error of one draw\n",
      envelope.draws, envelope.seed, envelope.varied.size());
  auto index = [](double value) { return fmt::format("{:.5f}", value); };
  text += "  mean loss         " + band_text(envelope.mean_loss, index) + "\n";
  for (const auto& tail : envelope.tails) {
    text += fmt::format("  VaR {:<5g}         ", tail.level) + band_text(tail.var, index) + "\n";
    text += fmt::format("  CVaR {:<5g}        ", tail.level) + band_text(tail.cvar, index) + "\n";
  }
  if (envelope.mean_loss_usd) {
    auto usd = [&](double value) { return fmt::format("{:.3f}", value / 1e9); };
    text += "  in bn USD:\n";
    text += "  mean loss         " + band_text(*envelope.mean_loss_usd, usd) + "\n";
    for (const auto& tail : envelope.tails_usd) {
      text += fmt::format("  VaR {:<5g}         ", tail.level) + band_text(tail.var, usd) + "\n";
      text += fmt::format("  CVaR {:<5g}        ", tail.level) + band_text(tail.cvar, usd) + "\n";
    }
    if (auto gdp = money.gdp())
      text += fmt::format("  (GDP {} bn USD, {})\n", fmt::format("{:.1f}", *gdp / 1e9), money.gdp_year().year);
  }
  text += "Conclusions (share of the parameter draws in which each holds)\n";
  for (const auto& conclusion : envelope.conclusions)
    text += fmt::format("  {:5.1f} %  {}\n", 100 * conclusion.share, conclusion.text);
  return text;
}

}  // namespace tengerim
