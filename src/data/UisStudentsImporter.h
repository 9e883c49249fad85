#pragma once
#include "data/Importer.h"

namespace tengerim {

// UNESCO UIS internationally mobile tertiary students, in 360info's top-ten
// tables: `year, origin_country_name, dest_country_lumped, value_lumped,
// cond_all` (each origin's ten largest destinations, the rest summed into
// "Other countries") and the mirror `year, dest_country_name,
// origin_country_lumped, ...`, one or both, told from the header. Writes
// students_abroad (the focal state's students by destination) and
// students_in (students in the focal state by origin), with each year's WLD
// tie the sum of its rows, "Other countries" included: the top ten are
// named, the rest stays unallocated. China does not report to UIS.
class UisStudentsImporter : public Importer {
 public:
  std::string kind() const override { return "uis-students"; }
  std::string files_help() const override {
    return "popular_destinations_by_origin.csv [popular_origins_by_destination.csv]";
  }
  size_t file_count() const override { return 1; }
  size_t max_files() const override { return 2; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
