#include "data/Hs2Domains.h"

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/Text.h"

namespace tengerim {

const std::map<std::string, Hs2Domain>& hs2_domains() {
  static const std::map<std::string, Hs2Domain> table = [] {
    const char* path = "reference/hs2_domains.csv";
    auto text = find_embedded_file(path);
    if (!text) throw Error(ErrorKind::Internal, {}, std::string("missing built-in table ") + path);
    const auto csv = CsvTable::parse(*text, std::string("builtin:") + path);
    const size_t hs2 = csv.require_column("hs2"), domain = csv.require_column("domain"),
                 source = csv.require_column("source");
    std::map<std::string, Hs2Domain> out;
    for (const auto& row : csv.rows()) {
      Hs2Domain entry{trim(row.cells[domain]), {}};
      // The source cell lists several ids separated by ';'.
      std::string cell = row.cells[source];
      for (size_t start = 0; start <= cell.size();) {
        size_t end = cell.find(';', start);
        if (end == std::string::npos) end = cell.size();
        std::string id = trim(cell.substr(start, end - start));
        if (!id.empty()) entry.sources.push_back(id);
        start = end + 1;
      }
      out[trim(row.cells[hs2])] = std::move(entry);
    }
    return out;
  }();
  return table;
}

}  // namespace tengerim
