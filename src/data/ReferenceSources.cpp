#include "data/ReferenceSources.h"

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/Text.h"

namespace tengerim {

std::optional<Source> find_reference_source(const std::string& id) {
  const char* path = "reference/sources.csv";
  auto text = find_embedded_file(path);
  if (!text) throw Error(ErrorKind::Internal, {}, std::string("missing built-in table ") + path);
  const auto csv = CsvTable::parse(*text, std::string("builtin:") + path);
  const size_t id_column = csv.require_column("id"), publisher = csv.require_column("publisher"),
               title = csv.require_column("title"), year = csv.require_column("year"),
               address = csv.require_column("address");
  for (const auto& row : csv.rows())
    if (trim(row.cells[id_column]) == id)
      return Source{id, row.cells[publisher], row.cells[title], row.cells[year], row.cells[address]};
  return std::nullopt;
}

Source reference_source(const std::string& id) {
  if (auto source = find_reference_source(id)) return *source;
  throw Error(ErrorKind::Internal, {}, "the built-in sources.csv has no row '" + id + "'");
}

}  // namespace tengerim
