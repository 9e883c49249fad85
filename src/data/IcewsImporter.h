#pragma once
#include "data/Importer.h"

namespace tengerim {

// ICEWS coded events (the Dataverse .tab files: tab-separated, one event per
// line, 20 columns). Events between the focal state and another country, in
// either direction, become one channel row per partner-year: events,
// cooperative (Goldstein > 0), conflictual (< 0) and the Goldstein sum. The
// score is the file's Intensity, or when it is blank / NA the Goldstein score
// of the CAMEO code in data/reference/cameo_goldstein.csv. Events inside the
// focal state, or with no country on the other side (an IGO, NA), are counted
// in a note; an unknown country name is reported as unmatched.
class IcewsImporter : public Importer {
 public:
  std::string kind() const override { return "icews"; }
  std::string files_help() const override { return "events.YYYY.tab"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
