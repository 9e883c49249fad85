#pragma once
// Per-year measures of the non-volume ties (docs/model.md §2): alignment in
// UN votes, formats, alliance pledges, open channels and UNGA ideal-point
// distances, by partner and direction.
#include <optional>
#include <string>
#include <vector>

namespace tengerim {

struct PartnerAlignment {
  std::string partner;
  std::string direction;  // "" = other
  double agreement = 0;
  long votes = 0;
};

struct DirectionAlignment {
  std::string direction;
  std::optional<double> agreement;  // vote-weighted over the direction's partners with votes
  long votes = 0;
};

// UNGA ideal points (idealpoints.csv): the focal state's distance to a partner.
struct PartnerIdealPoint {
  std::string partner;
  std::string direction;             // "" = other
  std::optional<double> distance;    // |ideal_focal - ideal_partner|
  std::optional<double> agreement;   // as the source gives it (six major powers only)
};

// The distance to a direction: |ideal_focal - the mean ideal point of the
// direction's members with an estimate that year| (the direction's centre in
// the one-dimensional ideal-point space; docs/importers.md, unga-idealpoints).
struct DirectionIdealPoint {
  std::string direction;
  std::optional<double> centre;    // mean ideal point of the members with an estimate
  std::optional<double> distance;  // |ideal_focal - centre|
  int members = 0;                 // members with an estimate
};

struct FormatMembership {
  std::string format;
  std::string name;
  std::string kind;
  std::vector<std::string> directions_present;
  std::vector<std::string> excludes;  // directions with no member, flagged for security formats
};

struct DirectionFormats {
  std::string direction;
  int formats = 0;           // formats with at least one member of the direction
  int security_formats = 0;
};

struct DirectionAlliances {
  std::string direction;
  int partners_with_pledge = 0;
  int defense = 0;
  int nonaggression = 0;
  int consultation = 0;
};

struct DirectionChannel {
  std::string direction;
  double events = 0;       // this year
  double goldstein = 0;    // this year
  double activity = 0;     // events with exponential decay over past years
  bool closed = false;     // activity below the floor: "phone off"
};

struct RelationsSheet {
  std::vector<PartnerAlignment> alignment;  // by descending agreement
  std::vector<DirectionAlignment> direction_alignment;
  std::optional<double> equidistance;  // max - min agreement across directions with votes
  std::vector<FormatMembership> formats;
  std::vector<DirectionFormats> direction_formats;
  std::vector<DirectionAlliances> direction_alliances;
  std::vector<DirectionChannel> channels;
  std::optional<double> ideal_point;                // the focal state's, that year
  std::vector<PartnerIdealPoint> ideal_points;      // by ascending distance
  std::vector<DirectionIdealPoint> direction_ideal_points;
  bool has_alignment = false, has_formats = false, has_alliances = false, has_channels = false,
       has_ideal_points = false;
  bool empty() const { return !has_alignment && !has_formats && !has_alliances && !has_channels && !has_ideal_points; }
};

}  // namespace tengerim
