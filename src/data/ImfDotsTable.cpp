#include "data/ImfDotsTable.h"

#include <fmt/format.h>

#include <algorithm>
#include <bitset>
#include <climits>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/CsvScanner.h"
#include "data/Importer.h"
#include "data/TradeDomains.h"

namespace tengerim {
namespace {

constexpr const char* kSource = "imf-dots";
constexpr const char* kMirrorSource = "imf-dots-mirror";
constexpr const char* kWorldRow = "G_WORLD";
constexpr const char* kAddress =
    "https://github.com/SamLeBlanc/Direction-of-Trade-Map, files data/DOTS/DOTS_1.xlsx ... DOTS_235.xlsx, commit "
    "a769819d9b25a21a362d6cabfb10f150903f834d (converted to long form, 2000-2020: "
    "imf_dots_bilateral/imf_dots_annual_2000_2020.csv); imported from ";

struct Figure {
  double value = 0;
  bool estimated = false;
};

// (exports?, partner, year)
using CellKey = std::tuple<bool, std::string, int>;

// The columns that identify a row: reporter, partner, flow, year.
struct KeyColumns {
  size_t reporter, partner, flow, year;
};

// `row` repeats an earlier row's reporter, partner, flow and year (it would count twice). The
// earlier line is found by a second scan, on this error path only.
[[noreturn]] void fail_repeat(std::string_view text, const std::string& file, const CsvScanner& row,
                              const KeyColumns& key) {
  auto same = [&](const CsvScanner& other) {
    return other.field(key.reporter) == row.field(key.reporter) && other.field(key.partner) == row.field(key.partner) &&
           other.field(key.flow) == row.field(key.flow) && other.integer(key.year) == row.integer(key.year);
  };
  CsvScanner earlier(text, file);
  while (earlier.next() && earlier.line() < row.line())
    if (same(earlier))
      fail_input({file, row.line(), "partner"},
                 fmt::format("the same reporter, partner, flow and year as line {}: it would count twice",
                             earlier.line()));
  fail_input({file, row.line(), "partner"}, "the same reporter, partner, flow and year as an earlier line");
}

}  // namespace

ImfDotsTable ImfDotsTable::parse(std::string_view text, const std::string& file, const CountryNames& names,
                                 const CountryTable& countries, const std::string& only_focal) {
  CsvScanner csv(text, file);
  csv.require_columns({"reporter", "partner", "flow", "year", "value_musd", "estimated"});
  const size_t reporter_column = csv.require_column("reporter"), partner_column = csv.require_column("partner"),
               flow_column = csv.require_column("flow"), year_column = csv.require_column("year"),
               value_column = csv.require_column("value_musd"), estimated_column = csv.require_column("estimated");
  ImfDotsTable table;
  table.file_ = file;
  table.only_focal_ = only_focal;
  std::unordered_map<std::string, uint16_t> index;
  auto lookup_code = [&](size_t column) -> uint16_t {
    const std::string_view field = csv.field(column);
    if (field.empty()) fail_input(csv.at(column), "a country or group code is required");
    std::string code(field);
    if (auto found = index.find(code); found != index.end()) return found->second;
    if (table.codes_.size() >= 0xFFFF) fail_input(csv.at(column), "more than 65535 distinct codes");
    Kind kind = Kind::Unmatched;
    if (code == kWorldRow)
      kind = Kind::World;
    else if (code != kWorldCode && code != kUnknownCode && countries.contains(code))
      kind = Kind::Country;
    else if (names.known_without_code("imf_dots", code))
      kind = Kind::Known;
    const auto id = static_cast<uint16_t>(table.codes_.size());
    table.codes_.push_back(code);
    table.kinds_.push_back(kind);
    index.emplace(std::move(code), id);
    return id;
  };
  // Rows come sorted by reporter, then partner: each column's last code is kept to skip the lookup.
  std::string last_code[2];
  uint16_t last_id[2] = {0, 0};
  auto code_of = [&](size_t column, int which) -> uint16_t {
    const std::string_view field = csv.field(column);
    if (!field.empty() && field == last_code[which]) return last_id[which];
    const uint16_t id = lookup_code(column);
    last_code[which] = field;
    last_id[which] = id;
    return id;
  };
  // Repeats of a reporter-partner-flow-year are found as the rows are read: each reporter-partner pair
  // has a bit per flow and year (rows of one pair come together, so the last pair's slot is kept at hand).
  constexpr int kFirstYear = 1900, kYears = 201;
  using YearBits = std::bitset<2 * kYears>;
  std::unordered_map<uint32_t, uint32_t> pair_slot;
  std::vector<YearBits> seen;
  uint32_t last_pair = UINT32_MAX, last_slot = 0;
  while (csv.next()) {
    Cell cell{};
    cell.line = static_cast<int32_t>(csv.line());
    cell.reporter = code_of(reporter_column, 0);
    cell.partner = code_of(partner_column, 1);
    const std::string_view flow = csv.field(flow_column);
    if (flow != "X" && flow != "M")
      fail_input(csv.at(flow_column), fmt::format("'{}': expected X (exports FOB) or M (imports CIF)", flow));
    cell.exports = flow == "X";
    const long year = csv.integer(year_column);
    if (year < 1900 || year > 2100) fail_input(csv.at(year_column), fmt::format("{}: expected a year", year));
    cell.year = static_cast<int16_t>(year);
    cell.value = csv.number(value_column);
    if (cell.value < 0)
      fail_input(csv.at(value_column), fmt::format("{}: a trade value must be non-negative", cell.value));
    const long estimated = csv.integer(estimated_column);
    if (estimated != 0 && estimated != 1)
      fail_input(csv.at(estimated_column), fmt::format("{}: expected 0 or 1 (1 = an IMF estimate)", estimated));
    cell.estimated = estimated == 1;
    const uint32_t pair = (uint32_t{cell.reporter} << 16) | cell.partner;
    if (pair != last_pair) {
      auto [slot, fresh] = pair_slot.emplace(pair, static_cast<uint32_t>(seen.size()));
      if (fresh) seen.emplace_back();
      last_pair = pair;
      last_slot = slot->second;
    }
    const size_t bit = (cell.exports ? kYears : 0) + static_cast<size_t>(year - kFirstYear);
    if (seen[last_slot].test(bit))
      fail_repeat(text, file, csv, {reporter_column, partner_column, flow_column, year_column});
    seen[last_slot].set(bit);
    if (only_focal.empty() || table.codes_[cell.reporter] == only_focal || table.codes_[cell.partner] == only_focal)
      table.cells_.push_back(cell);
  }
  table.group();
  return table;
}

void ImfDotsTable::group() {
  const size_t codes = codes_.size();
  for (auto [rows, first, reporter] :
       {std::tuple{&by_reporter_, &first_by_reporter_, true}, std::tuple{&by_partner_, &first_by_partner_, false}}) {
    first->assign(codes + 1, 0);
    for (const Cell& cell : cells_) ++(*first)[size_t{reporter ? cell.reporter : cell.partner} + 1];
    for (size_t code = 1; code <= codes; ++code) (*first)[code] += (*first)[code - 1];
    rows->resize(cells_.size());
    std::vector<uint32_t> next(first->begin(), first->end() - 1);
    for (uint32_t i = 0; i < cells_.size(); ++i)
      (*rows)[next[reporter ? cells_[i].reporter : cells_[i].partner]++] = i;
  }
}

std::vector<std::string> ImfDotsTable::countries() const {
  std::set<std::string> out;
  for (size_t code = 0; code < codes_.size(); ++code)
    if (kinds_[code] == Kind::Country) out.insert(codes_[code]);
  return {out.begin(), out.end()};
}

ImportResult ImfDotsTable::result_for(const ImportRequest& request) const {
  if (!only_focal_.empty() && request.focal != only_focal_)
    throw Error(ErrorKind::Internal, {}, "an IMF DOTS table read for " + only_focal_ + " asked for " + request.focal);
  ImportResult result;
  const auto at = std::find(codes_.begin(), codes_.end(), request.focal);
  const size_t focal = static_cast<size_t>(at - codes_.begin());
  std::map<CellKey, Figure> own, mirror;
  std::map<std::pair<bool, int>, double> world;  // the focal state's World row, by (exports?, year)
  long not_partners = 0, estimated = 0;
  if (at != codes_.end()) {
    for (uint32_t k = first_by_reporter_[focal]; k < first_by_reporter_[focal + 1]; ++k) {
      const Cell& cell = cells_[by_reporter_[k]];
      if (!request.wants_year(cell.year)) continue;
      switch (kinds_[cell.partner]) {
        case Kind::World: world[{cell.exports, cell.year}] = cell.value; break;
        case Kind::Known: ++not_partners; break;
        case Kind::Unmatched: note_unmatched(request, result, codes_[cell.partner], file_, cell.line); break;
        case Kind::Country:
          if (cell.partner != focal) own[{cell.exports, codes_[cell.partner], cell.year}] = {cell.value, cell.estimated};
          break;
      }
    }
    // A partner's report stands in where the focal state reports nothing for
    // that partner, flow and year: its imports from the focal state are the
    // focal state's exports to it, and the reverse.
    for (uint32_t k = first_by_partner_[focal]; k < first_by_partner_[focal + 1]; ++k) {
      const Cell& cell = cells_[by_partner_[k]];
      if (!request.wants_year(cell.year) || cell.reporter == focal || kinds_[cell.reporter] != Kind::Country) continue;
      CellKey key{!cell.exports, codes_[cell.reporter], cell.year};
      if (!own.count(key)) mirror[key] = {cell.value, cell.estimated};
    }
  }
  std::map<std::pair<bool, int>, double> own_sum, mirror_sum;
  long mirrored[2] = {0, 0};
  for (auto [figures, source, sums] : {std::tuple{&own, kSource, &own_sum}, std::tuple{&mirror, kMirrorSource, &mirror_sum}})
    for (const auto& [key, figure] : *figures) {
      const auto& [exports, partner, year] = key;
      if (!(figure.value > 0)) continue;  // a zero adds no tie
      std::string note;
      if (figures == &mirror) {
        ++mirrored[exports ? 0 : 1];
        note = exports ? "mirror: the partner's imports (CIF) from the focal state"
                       : "mirror: the partner's exports (FOB) to the focal state";
      }
      if (figure.estimated) {
        ++estimated;
        note += note.empty() ? "IMF estimate" : "; IMF estimate";
      }
      (*sums)[{exports, year}] += figure.value;
      result.ties.push_back({exports ? "exports" : "imports", partner, year, figure.value, source, note, 0});
    }
  long raised = 0, without_world = 0;
  for (const auto& [key, sum] : mirror_sum)
    if (!world.count(key)) ++without_world;
  for (const auto& [key, reported] : world) {
    const double listed = own_sum[key];
    double total = reported;
    std::string note;
    if (listed > reported * (1 + 1e-9)) {  // estimated cells are rounded; the parts may exceed the World row
      ++raised;
      total = listed;
      note = fmt::format("the IMF World row {} is below the sum of the partners reported; raised to it", reported);
    }
    if (const double mirrored_value = mirror_sum[key]; mirrored_value > 0) {
      total += mirrored_value;
      note += fmt::format("{}the focal state's World total plus {} of mirror figures", note.empty() ? "" : "; ",
                          mirrored_value);
    }
    if (total > 0) result.ties.push_back({key.first ? "exports" : "imports", kWorldCode, key.second, total, kSource, note, 0});
  }
  if (mirrored[0] + mirrored[1] > 0)
    result.notes.push_back(fmt::format(
        "{} exports and {} imports ties are partners' mirror figures (source {}): the focal state reports no "
        "figure for that partner and year",
        mirrored[0], mirrored[1], kMirrorSource));
  if (without_world > 0)
    result.notes.push_back(fmt::format("{} flow-years have no World row of the focal state: shares are of the "
                                       "partners listed",
                                       without_world));
  if (raised > 0)
    result.notes.push_back(fmt::format("{} flow-years: the World row is below the sum of the partners (rounded IMF "
                                       "estimates); WLD is raised to that sum",
                                       raised));
  if (estimated > 0) result.notes.push_back(fmt::format("{} ties are IMF estimates (tie note 'IMF estimate')", estimated));
  if (not_partners > 0)
    result.notes.push_back(fmt::format("{} rows with IMF groups, unspecified areas or former states (G_*, U_*, X_*, "
                                       "XKX) are not partners (the World row holds them)",
                                       not_partners));
  result.domains.push_back(trade_domain("exports"));
  result.domains.push_back(trade_domain("imports"));
  result.sources.push_back({kSource, "International Monetary Fund",
                            "Direction of Trade Statistics (DOTS): exports FOB to and imports CIF from partner "
                            "countries, annual, US dollars millions, as reported by the reporting economy (or "
                            "estimated by the IMF)",
                            "2022", kAddress + file_});
  if (mirrored[0] + mirrored[1] > 0)
    result.sources.push_back({kMirrorSource, "International Monetary Fund",
                              "Direction of Trade Statistics (DOTS), mirror figures: the partner's reported imports "
                              "from (CIF) or exports to (FOB) the focal state, used where the focal state reports "
                              "none for that partner and year",
                              "2022", kAddress + file_});
  return result;
}

}  // namespace tengerim
