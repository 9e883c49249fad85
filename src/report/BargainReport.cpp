#include "report/BargainReport.h"

#include <fmt/format.h>

#include <algorithm>

namespace tengerim {
namespace {

Json distribution_json(const Distribution& d) {
  return Json{{"mean", d.mean}, {"sd", d.sd},   {"min", d.min}, {"p05", d.p05}, {"p25", d.p25},
              {"p50", d.p50},   {"p75", d.p75}, {"p95", d.p95}, {"max", d.max}};
}

Json by_actor(const StakeholderSet& issue, const std::vector<double>& values) {
  Json out = Json::object();
  for (size_t k = 0; k < values.size(); ++k) out[issue.members[k].actor] = values[k];
  return out;
}

Json range_json(double low, double high) { return Json{{"low", low}, {"high", high}}; }

Json forecast_json(const BargainForecast& f) {
  return Json{{"basis", f.basis},
              {"median", range_json(f.median_low, f.median_high)},
              {"mean", range_json(f.mean_low, f.mean_high)}};
}

Json cycle_json(const BargainRun& run) {
  if (!run.cycles()) return nullptr;
  const BargainCycle& cycle = *run.repetition;
  Json rounds = Json::array();
  for (int r = cycle.first + 1; r <= cycle.repeat; ++r) {
    const BargainRound& round = run.rounds[static_cast<size_t>(r - 1)];
    rounds.push_back(Json{{"round", round.round}, {"mean", round.mean}, {"median", round.median}});
  }
  return Json{{"length", cycle.length()},
              {"first_round", cycle.first + 1},
              {"repeat_round", cycle.repeat},
              {"rounds", std::move(rounds)},
              {"median", range_json(cycle.median_low, cycle.median_high)},
              {"mean", range_json(cycle.mean_low, cycle.mean_high)}};
}

std::string range_text(double low, double high) {
  return low == high ? fmt::format("{:.4f}", low) : fmt::format("{:.4f} to {:.4f}", low, high);
}

std::string forecast_text(const BargainRun& run) {
  const BargainForecast f = run.forecast();
  std::string out = fmt::format("Forecast: median {}, mean {}", range_text(f.median_low, f.median_high),
                                range_text(f.mean_low, f.mean_high));
  if (run.cycles())
    return out + fmt::format(" (a {}-round cycle: the positions after round {} repeat those after round {})\n",
                             run.repetition->length(), run.repetition->repeat, run.repetition->first);
  if (run.converged())
    return out + fmt::format(" (converged after round {}: round {} moved nobody)\n", run.repetition->first,
                             run.repetition->repeat);
  return out + fmt::format(" (no repetition within {} rounds: more rounds may move it)\n", run.rounds.size());
}

std::string options_line(const BargainingOptions& options) {
  return fmt::format("variant {}: normaliser {}, compromise {}, capitulation {}, Q = {}", options.variant,
                     to_string(options.normaliser), to_string(options.compromise),
                     options.capitulation ? "on" : "off", options.q);
}

std::string distribution_row(const char* label, const Distribution& d) {
  return fmt::format("  {:<16}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}\n", label, d.mean, d.sd,
                     d.min, d.p05, d.p50, d.p95, d.max);
}

}  // namespace

Json bargain_json(const BargainReportInput& input) {
  const auto& issue = input.issue;
  Json json;
  json["issue"] = issue.source;
  json["variant"] = input.options.variant;
  json["options"] = Json{{"normaliser", to_string(input.options.normaliser)},
                         {"compromise", to_string(input.options.compromise)},
                         {"capitulation", input.options.capitulation},
                         {"q", input.options.q},
                         {"rounds", input.options.rounds}};
  json["stakeholders"] = Json::array();
  for (const auto& member : issue.members)
    json["stakeholders"].push_back(Json{{"actor", member.actor},
                                        {"capability", member.capability},
                                        {"position", member.position},
                                        {"salience", member.salience}});
  json["initial"] = Json{{"mean", input.run.initial_mean}, {"median", input.run.initial_median}};
  json["rounds"] = Json::array();
  for (const auto& round : input.run.rounds) {
    Json moves = Json::array();
    for (const auto& move : round.moves)
      moves.push_back(Json{{"actor", issue.members[move.actor].actor},
                           {"toward", issue.members[move.toward].actor},
                           {"kind", to_string(move.kind)},
                           {"from", move.from},
                           {"new_position", move.new_position}});
    json["rounds"].push_back(Json{{"round", round.round},
                                  {"risk_exponents", by_actor(issue, round.risk_exponents)},
                                  {"positions", by_actor(issue, round.positions)},
                                  {"moves", std::move(moves)},
                                  {"mean", round.mean},
                                  {"median", round.median}});
  }
  json["converged_round"] = input.run.converged() ? Json(input.run.repetition->first) : Json(nullptr);
  json["cycle"] = cycle_json(input.run);
  json["forecast"] = forecast_json(input.run.forecast());
  if (const auto* variants = input.variants) {
    json["variants"] = Json::array();
    for (const auto& v : *variants)
      json["variants"].push_back(Json{{"variant", v.variant}, {"forecast", forecast_json(v.forecast)}});
  }
  if (const auto* s = input.sensitivity) {
    json["sensitivity"] = Json{{"draws", s->options.draws},
                               {"cycling_share", s->options.draws ? double(s->cycling) / s->options.draws : 0.0},
                               {"seed", s->options.seed},
                               {"jitter", s->options.jitter},
                               {"forecast_mean", distribution_json(s->mean)},
                               {"forecast_median", distribution_json(s->median)}};
  }
  return json;
}

std::string bargain_text(const BargainReportInput& input) {
  const auto& issue = input.issue;
  size_t width = 5;
  for (const auto& member : issue.members) width = std::max(width, member.actor.size());
  std::string out = fmt::format("Bargaining forecast: {}\n{}\n{} stakeholders, {} rounds\n\n", issue.source,
                                options_line(input.options), issue.members.size(), input.run.rounds.size());
  out += fmt::format("Initial: mean {:.4f}, median {:.4f}\n", input.run.initial_mean, input.run.initial_median);
  for (const auto& round : input.run.rounds) {
    out += fmt::format("\nRound {}: mean {:.4f}, median {:.4f}\n", round.round, round.mean, round.median);
    out += fmt::format("  {:<{}}  {:>9}  {:>6}\n", "actor", width, "position", "risk r");
    for (size_t k = 0; k < issue.members.size(); ++k)
      out += fmt::format("  {:<{}}  {:>9.4f}  {:>6.3f}\n", issue.members[k].actor, width, round.positions[k],
                         round.risk_exponents[k]);
    if (round.moves.empty()) out += "  no moves\n";
    for (const auto& move : round.moves)
      out += fmt::format("  move: {} -> {} ({}): {:.4f} -> {:.4f}\n", issue.members[move.actor].actor,
                         issue.members[move.toward].actor, to_string(move.kind), move.from, move.new_position);
  }
  out += "\n" + forecast_text(input.run);
  if (const auto* variants = input.variants)
    for (const auto& v : *variants)
      out += fmt::format("  variant {:<12} median {} ({})\n", v.variant,
                         range_text(v.forecast.median_low, v.forecast.median_high), v.forecast.basis);
  if (const auto* s = input.sensitivity) {
    out += fmt::format(
        "\nSensitivity: {} draws, seed {}, every capability and salience jittered within +-{:g}%, every position\n"
        "within +-{:g}% of the issue's span; {} draws end in a cycle (counted at the cycle's middle)\n",
        s->options.draws, s->options.seed, s->options.jitter * 100, s->options.jitter * 100, s->cycling);
    out += fmt::format("  {:<16}{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}\n", "", "mean", "sd", "min", "p05", "p50",
                       "p95", "max");
    out += distribution_row("forecast mean", s->mean);
    out += distribution_row("forecast median", s->median);
  }
  return out;
}

Json bargain_json(const BargainingRun& run) {
  return bargain_json({run.issue, run.options, run.run, run.sensitivity ? &*run.sensitivity : nullptr, &run.variants});
}

std::string bargain_text(const BargainingRun& run) {
  return bargain_text({run.issue, run.options, run.run, run.sensitivity ? &*run.sensitivity : nullptr, &run.variants});
}

}  // namespace tengerim
