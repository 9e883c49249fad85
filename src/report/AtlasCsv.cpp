#include "report/AtlasCsv.h"

#include <fmt/format.h>

#include "common/Text.h"

namespace tengerim {
namespace {

// Shortest text that reads back to the same double, so two routes compare exactly.
void append_number(std::string& out, const std::optional<double>& value) {
  out += ',';
  if (value) fmt::format_to(std::back_inserter(out), "{}", *value);
}

}  // namespace

std::string atlas_csv_header(const std::vector<std::string>& direction_ids, bool with_formats, bool with_sources) {
  std::string out = "country,name,year,domains,coverage,published";
  for (const char* measure : {"dependence", "leverage"}) {
    for (const auto& id : direction_ids) out += fmt::format(",{}_{}", measure, id);
    out += fmt::format(",{}_other", measure);
  }
  out += ",balance,separation,max_dependence,max_leverage,critical_pairs";
  for (const char* measure : {"alignment", "votes"})
    for (const auto& id : direction_ids) out += fmt::format(",{}_{}", measure, id);
  out += ",equidistance";
  if (with_formats)
    for (const char* measure : {"formats", "security_formats", "security_excluding"})
      for (const auto& id : direction_ids) out += fmt::format(",{}_{}", measure, id);
  if (with_sources) out += ",trade_sources,gdp_usd";
  return out + "\n";
}

void append_atlas_csv(const std::vector<AtlasRow>& rows, std::string& out, size_t formats_columns,
                      bool with_sources) {
  for (const auto& row : rows) {
    fmt::format_to(std::back_inserter(out), "{},{},{},{}", row.country, csv_field(row.name), row.year,
                   join(row.domains, ";"));
    append_number(out, row.domains.empty() ? std::nullopt : std::optional(row.coverage));
    out += row.published ? ",1" : ",0";
    for (const auto& value : row.dependence) append_number(out, value);
    for (const auto& value : row.leverage) append_number(out, value);
    append_number(out, row.balance);
    append_number(out, row.separation);
    append_number(out, row.max_dependence);
    append_number(out, row.max_leverage);
    out += ',';
    if (row.critical_pairs) fmt::format_to(std::back_inserter(out), "{}", *row.critical_pairs);
    for (const auto& value : row.alignment) append_number(out, value);
    for (size_t c = 0; c < row.votes.size(); ++c)
      fmt::format_to(std::back_inserter(out), ",{}", row.votes[c]);
    append_number(out, row.equidistance);
    if (row.formats.empty()) out.append(formats_columns, ',');  // no formats that year: blank
    for (const auto* counts : {&row.formats, &row.security_formats, &row.security_excluding})
      for (int count : *counts) fmt::format_to(std::back_inserter(out), ",{}", count);
    if (with_sources) {
      out += ',' + row.trade_sources;
      append_number(out, row.gdp);
    }
    out += '\n';
  }
}

}  // namespace tengerim
