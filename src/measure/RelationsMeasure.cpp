#include "measure/RelationsMeasure.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tengerim {
namespace {

void measure_alignment(const Model& model, const DirectionIndex& directions, int year, RelationsSheet& out) {
  std::map<std::string, std::pair<double, long>> by_direction;  // sum of agreement*votes, votes
  for (const auto& row : model.relations.alignment) {
    if (row.year != year || !row.issue.empty()) continue;
    std::string direction = directions.of(row.partner);
    out.alignment.push_back({row.partner, direction, row.agreement, row.votes});
    if (!direction.empty()) {
      by_direction[direction].first += row.agreement * static_cast<double>(row.votes);
      by_direction[direction].second += row.votes;
    }
  }
  out.has_alignment = !out.alignment.empty();
  std::sort(out.alignment.begin(), out.alignment.end(), [](const auto& a, const auto& b) {
    return a.agreement != b.agreement ? a.agreement > b.agreement : a.partner < b.partner;
  });
  double low = 1, high = 0;
  bool any = false;
  for (const auto& direction : model.directions) {
    DirectionAlignment entry{direction.id, std::nullopt, 0};
    auto found = by_direction.find(direction.id);
    if (found != by_direction.end() && found->second.second > 0) {
      entry.agreement = found->second.first / static_cast<double>(found->second.second);
      entry.votes = found->second.second;
      low = std::min(low, *entry.agreement);
      high = std::max(high, *entry.agreement);
      any = true;
    }
    out.direction_alignment.push_back(entry);
  }
  if (any) out.equidistance = high - low;
}

void measure_formats(const Model& model, const DirectionIndex& directions, int year, RelationsSheet& out) {
  for (const auto& direction : model.directions) out.direction_formats.push_back({direction.id, 0, 0});
  for (const auto& row : model.relations.formats) {
    if (row.year != year) continue;
    out.has_formats = true;
    FormatMembership entry{row.format, row.name, row.kind, {}, {}};
    for (size_t c = 0; c < model.directions.size(); ++c) {
      const auto& id = model.directions[c].id;
      bool present = std::any_of(row.members.begin(), row.members.end(),
                                 [&](const std::string& member) { return directions.of(member) == id; });
      if (present) {
        entry.directions_present.push_back(id);
        ++out.direction_formats[c].formats;
        if (row.kind == "security") ++out.direction_formats[c].security_formats;
      } else if (row.kind == "security") {
        entry.excludes.push_back(id);  // a security format without any member of c may be aimed at c
      }
    }
    out.formats.push_back(std::move(entry));
  }
}

void measure_alliances(const Model& model, const DirectionIndex& directions, int year, RelationsSheet& out) {
  for (const auto& direction : model.directions) out.direction_alliances.push_back({direction.id, 0, 0, 0, 0});
  for (const auto& row : model.relations.alliances) {
    if (row.year != year) continue;
    out.has_alliances = true;
    std::string direction = directions.of(row.partner);
    for (auto& entry : out.direction_alliances) {
      if (entry.direction != direction) continue;
      bool any = row.defense || row.offense || row.neutral || row.nonaggression || row.consultation;
      entry.partners_with_pledge += any ? 1 : 0;
      entry.defense += row.defense ? 1 : 0;
      entry.nonaggression += row.nonaggression ? 1 : 0;
      entry.consultation += row.consultation ? 1 : 0;
    }
  }
}

void measure_channels(const Model& model, const DirectionIndex& directions, int year, RelationsSheet& out) {
  const double half_life = model.parameters.get("channel_half_life");
  const double floor = model.parameters.get("channel_floor");
  for (const auto& direction : model.directions) out.channels.push_back({direction.id, 0, 0, 0, false});
  bool any_before = false;
  for (const auto& row : model.relations.channels) {
    if (row.year > year) continue;
    any_before = true;
    std::string direction = directions.of(row.partner);
    for (auto& entry : out.channels) {
      if (entry.direction != direction) continue;
      entry.activity += row.events * std::pow(0.5, (year - row.year) / half_life);
      if (row.year == year) {
        entry.events += row.events;
        entry.goldstein += row.goldstein;
        out.has_channels = true;
      }
    }
  }
  if (!any_before) return;
  for (auto& entry : out.channels) entry.closed = entry.activity < floor;
}

// Distances in UNGA ideal points: per partner as imported; per direction to the
// mean ideal point of its members with an estimate that year.
void measure_ideal_points(const Model& model, const DirectionIndex& directions, int year, RelationsSheet& out) {
  std::map<std::string, std::pair<double, int>> by_direction;  // sum of ideal points, members
  for (const auto& row : model.relations.ideal_points) {
    if (row.year != year) continue;
    std::string direction = directions.of(row.partner);
    out.ideal_points.push_back({row.partner, direction, row.distance, row.agreement});
    if (row.ideal_focal) out.ideal_point = row.ideal_focal;
    if (row.ideal_partner && !direction.empty()) {
      by_direction[direction].first += *row.ideal_partner;
      ++by_direction[direction].second;
    }
  }
  out.has_ideal_points = !out.ideal_points.empty();
  std::sort(out.ideal_points.begin(), out.ideal_points.end(), [](const auto& a, const auto& b) {
    const double da = a.distance.value_or(HUGE_VAL), db = b.distance.value_or(HUGE_VAL);
    return da != db ? da < db : a.partner < b.partner;
  });
  for (const auto& direction : model.directions) {
    DirectionIdealPoint entry{direction.id, std::nullopt, std::nullopt, 0};
    auto found = by_direction.find(direction.id);
    if (found != by_direction.end() && found->second.second > 0) {
      entry.members = found->second.second;
      entry.centre = found->second.first / found->second.second;
      if (out.ideal_point) entry.distance = std::fabs(*out.ideal_point - *entry.centre);
    }
    out.direction_ideal_points.push_back(entry);
  }
}

}  // namespace

RelationsSheet measure_relations(const Model& model, const DirectionIndex& directions, int year) {
  RelationsSheet out;
  measure_alignment(model, directions, year, out);
  measure_formats(model, directions, year, out);
  measure_alliances(model, directions, year, out);
  measure_channels(model, directions, year, out);
  measure_ideal_points(model, directions, year, out);
  return out;
}

std::set<int> relation_years(const Model& model) {
  std::set<int> years;
  for (const auto& row : model.relations.alignment) years.insert(row.year);
  for (const auto& row : model.relations.formats) years.insert(row.year);
  for (const auto& row : model.relations.alliances) years.insert(row.year);
  for (const auto& row : model.relations.channels) years.insert(row.year);
  for (const auto& row : model.relations.ideal_points) years.insert(row.year);
  return years;
}

}  // namespace tengerim
