#pragma once
#include "data/Importer.h"

namespace tengerim {

// Bailey-Strezhnev-Voeten UN General Assembly ideal points: the year-indexed
// July 2025 release (IdealpointsJuly2025: final-passage ideal points
// 1946-2024) and, optionally, the session-indexed June 2024 release
// (IdealpointestimatesAll_Jun2024: agreement with the USA, Russia, Brazil,
// China, India and Israel). Writes idealpoints.csv: per partner and year the
// two ideal points and their distance, and the published agreement score
// where the file gives one. Each file's layout is told from its header.
class UngaIdealPointsImporter : public Importer {
 public:
  std::string kind() const override { return "unga-idealpoints"; }
  std::string files_help() const override {
    return "IdealpointsJuly2025.csv [IdealpointestimatesAll_Jun2024.csv]";
  }
  size_t file_count() const override { return 1; }
  size_t max_files() const override { return 2; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
