#pragma once
// Ties that are not volumes: UN voting alignment, memberships of
// multilateral formats, alliance pledges, diplomatic channels (events) and
// UNGA ideal points.
// Each is an optional CSV of a model folder with a source on every row.
#include <optional>
#include <string>
#include <vector>

namespace tengerim {

// alignment.csv: year,partner,issue,agreement,votes,source
struct AlignmentRow {
  int year = 0;
  std::string partner;
  std::string issue;     // "" = all roll calls; else a Voeten issue code (me, nu, di, hr, co, ec)
  double agreement = 0;  // mean of 1 - |v_focal - v_partner|, yes 1 / abstain 0.5 / no 0
  long votes = 0;        // roll calls where both voted
  std::string source;
};

// formats.csv: year,format,name,kind,members,source
struct FormatRow {
  int year = 0;
  std::string format;  // short code, e.g. "CSTO"
  std::string name;
  std::string kind;    // security | economic | political | social | other
  std::vector<std::string> members;  // ISO3, ';'-separated in the file
  std::string source;
};

// alliances.csv: year,partner,defense,offense,neutral,nonaggression,consultation,source (0/1)
struct AllianceRow {
  int year = 0;
  std::string partner;
  bool defense = false;
  bool offense = false;
  bool neutral = false;
  bool nonaggression = false;
  bool consultation = false;
  std::string source;
};

// channels.csv: year,partner,events,cooperation,conflict,goldstein,source
struct ChannelRow {
  int year = 0;
  std::string partner;
  double events = 0;       // events between the focal state and the partner, both ways
  double cooperation = 0;  // events with a positive Goldstein score
  double conflict = 0;     // events with a negative Goldstein score
  double goldstein = 0;    // sum of Goldstein scores
  std::string source;
};

// idealpoints.csv: year,partner,ideal_focal,ideal_partner,distance,agreement,source
// UNGA ideal points (Bailey, Strezhnev and Voeten) of the focal state and a
// partner, their distance, and where the source gives it the two states'
// agreement score (blank otherwise). Kept apart from alignment.csv: the
// agreement there is computed from roll calls with a vote count, and an
// import replaces a year's rows of its own file only.
struct IdealPointRow {
  int year = 0;
  std::string partner;
  std::optional<double> ideal_focal, ideal_partner;
  std::optional<double> distance;   // |ideal_focal - ideal_partner|
  std::optional<double> agreement;  // in [0, 1], yes 1 / abstain 0.5 / no 0, as the source computes it
  std::string source;
};

struct Relations {
  std::vector<AlignmentRow> alignment;
  std::vector<FormatRow> formats;
  std::vector<AllianceRow> alliances;
  std::vector<ChannelRow> channels;
  std::vector<IdealPointRow> ideal_points;
  bool empty() const {
    return alignment.empty() && formats.empty() && alliances.empty() && channels.empty() && ideal_points.empty();
  }
};

inline const std::vector<std::string>& format_kinds() {
  static const std::vector<std::string> kinds{"security", "economic", "political", "social", "other"};
  return kinds;
}

}  // namespace tengerim
