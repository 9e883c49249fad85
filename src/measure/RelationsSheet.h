#pragma once
// Per-year measures of the non-volume ties (docs/model.md §2): alignment in
// UN votes, formats, alliance pledges and open channels, by partner and direction.
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
  bool has_alignment = false, has_formats = false, has_alliances = false, has_channels = false;
  bool empty() const { return !has_alignment && !has_formats && !has_alliances && !has_channels; }
};

}  // namespace tengerim
