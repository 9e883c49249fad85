#include "report/AtlasReport.h"

#include <fmt/format.h>

namespace tengerim {

std::string atlas_text(const AtlasTally& tally, const std::string& written_to,
                       const std::map<std::string, long>& unmatched) {
  std::string out = fmt::format("tengerim atlas: {} countries, {} country-years ({}-{}), written to {}\n",
                                tally.countries, tally.rows, tally.first_year, tally.last_year, written_to);
  if (unmatched.empty()) return out;
  long total = 0;
  for (const auto& [label, count] : unmatched) total += count;
  out += fmt::format("  {} rows had a partner with no ISO3 code (left out):\n", total);
  for (const auto& [label, count] : unmatched) out += fmt::format("    {:>6}  {}\n", count, label);
  return out;
}

}  // namespace tengerim
