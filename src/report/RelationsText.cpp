#include "report/RelationsText.h"

#include <fmt/format.h>

#include "common/Text.h"

namespace tengerim {
namespace {

void alignment(std::string& out, const RelationsSheet& relations) {
  out += "\nAlignment in UN General Assembly votes (agreement: yes 1, abstain 0.5, no 0)\n";
  for (const auto& entry : relations.direction_alignment)
    out += entry.agreement ? fmt::format("  {:<8} {:.3f} over {} votes\n", entry.direction, *entry.agreement, entry.votes)
                           : fmt::format("  {:<8} n/a\n", entry.direction);
  if (relations.equidistance) out += fmt::format("  spread across directions: {:.3f}\n", *relations.equidistance);
  std::vector<std::string> top;
  for (size_t i = 0; i < relations.alignment.size() && i < 5; ++i)
    top.push_back(fmt::format("{} {:.3f}", relations.alignment[i].partner, relations.alignment[i].agreement));
  out += "  closest partners: " + join(top, ", ") + "\n";
}

void formats(std::string& out, const RelationsSheet& relations) {
  out += fmt::format("\nFormats ({} memberships)\n", relations.formats.size());
  for (const auto& entry : relations.direction_formats)
    out += fmt::format("  {:<8} {} formats with a member, {} of them security\n", entry.direction, entry.formats,
                       entry.security_formats);
  for (const auto& entry : relations.formats)
    if (!entry.excludes.empty())
      out += fmt::format("  security format {} has no member from: {}\n", entry.format, join(entry.excludes, ", "));
}

void alliances(std::string& out, const RelationsSheet& relations) {
  out += "\nAlliance pledges (partners by direction: any / defence / non-aggression / consultation)\n";
  for (const auto& entry : relations.direction_alliances)
    out += fmt::format("  {:<8} {} / {} / {} / {}\n", entry.direction, entry.partners_with_pledge, entry.defense,
                       entry.nonaggression, entry.consultation);
}

void channels(std::string& out, const RelationsSheet& relations) {
  out += "\nChannels (events this year, Goldstein sum, decayed activity)\n";
  for (const auto& entry : relations.channels)
    out += fmt::format("  {:<8} {:>6.0f} {:>8.1f} {:>8.2f}{}\n", entry.direction, entry.events, entry.goldstein,
                       entry.activity, entry.closed ? "  CHANNEL CLOSED" : "");
}

void ideal_points(std::string& out, const RelationsSheet& relations) {
  out += "\nUNGA ideal points (distance to the direction's mean ideal point; higher = closer to the US-led order)\n";
  if (relations.ideal_point) out += fmt::format("  focal    {:+.3f}\n", *relations.ideal_point);
  for (const auto& entry : relations.direction_ideal_points)
    out += entry.distance ? fmt::format("  {:<8} {:.3f} (centre {:+.3f}, {} members)\n", entry.direction,
                                        *entry.distance, *entry.centre, entry.members)
                          : fmt::format("  {:<8} n/a\n", entry.direction);
  std::vector<std::string> agreement;
  for (const auto& entry : relations.ideal_points)
    if (entry.agreement) agreement.push_back(fmt::format("{} {:.3f}", entry.partner, *entry.agreement));
  if (!agreement.empty()) out += "  agreement (as published): " + join(agreement, ", ") + "\n";
}

}  // namespace

std::string relations_text(const RelationsSheet& relations) {
  std::string out;
  if (relations.has_alignment) alignment(out, relations);
  if (relations.has_formats) formats(out, relations);
  if (relations.has_alliances) alliances(out, relations);
  if (relations.has_channels) channels(out, relations);
  if (relations.has_ideal_points) ideal_points(out, relations);
  return out;
}

}  // namespace tengerim
