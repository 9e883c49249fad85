#pragma once
#include "data/Importer.h"

namespace tengerim {

// Voeten's UN General Assembly roll-call votes: the focal state's agreement
// with every other state per year (and per issue when un_roll_call_issues.csv
// is given as a third file), written to alignment.csv.
class UnVotesImporter : public Importer {
 public:
  std::string kind() const override { return "unvotes"; }
  std::string files_help() const override { return "un_votes.csv un_roll_calls.csv [un_roll_call_issues.csv]"; }
  size_t file_count() const override { return 2; }
  size_t max_files() const override { return 3; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
