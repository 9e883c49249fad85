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

std::string options_line(const BargainingOptions& options) {
  return fmt::format("variant {}: normaliser {}, compromise {}, capitulation {}, Q = {}", options.variant,
                     to_string(options.normaliser), to_string(options.compromise),
                     options.capitulation ? "on" : "off", options.q);
}

std::string distribution_row(const char* label, const Distribution& d) {
  return fmt::format("  {:<13}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}{:>9.4f}\n", label, d.mean, d.sd,
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
  if (const auto* s = input.sensitivity) {
    json["sensitivity"] = Json{{"draws", s->options.draws},
                               {"seed", s->options.seed},
                               {"jitter", s->options.jitter},
                               {"final_mean", distribution_json(s->mean)},
                               {"final_median", distribution_json(s->median)}};
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
  if (const auto* s = input.sensitivity) {
    out += fmt::format(
        "\nSensitivity: {} draws, seed {}, every capability and salience jittered within +-{:g}%\n",
        s->options.draws, s->options.seed, s->options.jitter * 100);
    out += fmt::format("  {:<13}{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}\n", "", "mean", "sd", "min", "p05", "p50",
                       "p95", "max");
    out += distribution_row("final mean", s->mean);
    out += distribution_row("final median", s->median);
  }
  return out;
}

Json bargain_json(const BargainingRun& run) {
  return bargain_json({run.issue, run.options, run.run, run.sensitivity ? &*run.sensitivity : nullptr});
}

std::string bargain_text(const BargainingRun& run) {
  return bargain_text({run.issue, run.options, run.run, run.sensitivity ? &*run.sensitivity : nullptr});
}

}  // namespace tengerim
