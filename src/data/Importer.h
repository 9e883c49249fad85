#pragma once
// One importer per public dataset format. An importer reads its files and
// returns ties, relations and sources for one focal country; it never writes.
#include <memory>
#include <string>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"

namespace tengerim {

class Importer {
 public:
  virtual ~Importer() = default;
  virtual std::string kind() const = 0;         // the KIND of `tengerim import KIND`
  virtual std::string files_help() const = 0;   // e.g. "un_votes.csv un_roll_calls.csv"
  virtual size_t file_count() const = 0;        // how many files it needs
  // A kind with optional trailing files takes min_files()..max_files() (default: exactly file_count()).
  virtual size_t min_files() const { return file_count(); }
  virtual size_t max_files() const { return file_count(); }
  virtual ImportResult run(const ImportRequest& request, const CountryNames& names) const = 0;
};

// Every importer, in the order `tengerim import --help` lists them.
const std::vector<std::unique_ptr<Importer>>& importers();
const Importer* find_importer(const std::string& kind);

// Shared by importers: count an unmatched name, or fail when --strict.
void note_unmatched(const ImportRequest& request, ImportResult& result, const std::string& name,
                    const std::string& file, long line);

}  // namespace tengerim
