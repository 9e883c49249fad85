#include "data/SipriTable.h"

#include <fmt/format.h>

#include <cmath>

#include "common/CsvTable.h"
#include "common/Error.h"
#include "common/Text.h"
#include "data/Importer.h"

namespace tengerim {
namespace {

constexpr const char* kHeaderStart = "SIPRI AT Database ID";
constexpr size_t kMaxNoteLines = 30;  // SIPRI's export has 11

const std::vector<std::string>& used_columns() {
  static const std::vector<std::string> columns{"Supplier", "Recipient", "Delivery year", "TIV delivery values"};
  return columns;
}

const std::vector<std::string>& other_columns() {
  static const std::vector<std::string> columns{
      "SIPRI AT Database ID", "Designation",     "Description",   "Armament category",
      "Order date",           "Order date is estimate",           "Numbers delivered",
      "Numbers delivered is estimate",           "Delivery year is estimate",
      "Status",               "SIPRI estimate",  "TIV deal unit", "Local production"};
  return columns;
}

struct Register {
  std::string csv;        // header and rows, each trailing ';' removed
  long line_offset = 0;   // add to a table line for the file line
  std::string generated;  // the "Data generated: …" note, if any
};

// Drops the note lines and the trailing ';' of every line from the header on.
Register strip_register(std::string_view text, const std::string& file) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Register out;
  bool header_seen = false;
  long line = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (!header_seen) {
      if (content.rfind(kHeaderStart, 0) != 0) {
        if (content.rfind("Data generated:", 0) == 0) out.generated = trim(content.substr(0, content.find(';')));
        if (static_cast<size_t>(line) >= kMaxNoteLines) break;
        continue;
      }
      header_seen = true;
      out.line_offset = line - 1;
    }
    if (content.empty() && pos >= text.size()) break;  // the final line end
    if (content.empty() || content.back() != ';')
      fail_input({file, line, ""}, "expected the ';' that ends every line of SIPRI's trade register (is the file "
                                   "truncated?)");
    content.remove_suffix(1);
    out.csv.append(content);
    out.csv += '\n';
  }
  if (!header_seen)
    fail_input({file, text.empty() ? 0 : 1, ""},
               fmt::format("expected SIPRI's trade register: note lines, then a header line starting '{}' (none in "
                           "the first {} lines{})", kHeaderStart, kMaxNoteLines, text.empty() ? "; the file is empty"
                                                                                             : ""));
  return out;
}

Judgement arms_substitutability() {
  return {0.2, 0.1, 0.4,
          "Judgement: major arms come with spares, ammunition, training and upgrades that tie the buyer to the "
          "supplier for years; switching supplier takes a re-equipment cycle. A judgement to revise."};
}

}  // namespace

SipriTable SipriTable::parse(std::string_view text, const std::string& file, const CountryNames& names,
                             const CountryTable& countries) {
  const Register reg = strip_register(text, file);
  SipriTable table;
  table.file_ = file;
  table.generated_ = reg.generated;
  try {
    const auto csv = CsvTable::parse(reg.csv, file);
    csv.require_columns(used_columns(), other_columns());
    const size_t supplier = csv.require_column("Supplier"), recipient = csv.require_column("Recipient"),
                 year_col = csv.require_column("Delivery year"), tiv_col = csv.require_column("TIV delivery values");
    for (const auto& row : csv.rows()) {
      const int year = static_cast<int>(csv.integer(row, year_col));
      // An empty TIV means no delivery identified; '0' means under 0.5 million.
      const double tiv = trim(row.cells[tiv_col]).empty() ? 0 : csv.number(row, tiv_col);
      if (tiv < 0) fail_input(csv.at(row, tiv_col), "must be non-negative (SIPRI TIV, millions)");
      auto to = names.iso3("sipri", row.cells[recipient]);
      if (!to) continue;
      Delivery delivery{row.line + reg.line_offset, year, tiv, trim(row.cells[supplier]), false, false};
      auto iso3 = names.iso3("sipri", delivery.supplier);
      if (iso3 && (countries.contains(*iso3) || *iso3 == kUnknownCode) && *iso3 != kWorldCode) {
        delivery.supplier = *iso3;
        delivery.matched = true;
      } else {
        delivery.known = names.known_without_code("sipri", delivery.supplier);
      }
      table.by_recipient_[*to].push_back(std::move(delivery));
    }
  } catch (const Error& error) {
    // The table starts at the header: re-anchor its lines in the whole file.
    if (error.where().file != file || error.where().line <= 0) throw;
    throw Error(error.kind(), {file, error.where().line + reg.line_offset, error.where().field}, error.detail());
  }
  return table;
}

std::vector<std::string> SipriTable::countries() const {
  std::vector<std::string> out;
  const auto& table = CountryTable::builtin();
  for (const auto& [iso3, deliveries] : by_recipient_)
    if (table.contains(iso3)) out.push_back(iso3);
  return out;
}

ImportResult SipriTable::result_for(const ImportRequest& request) const {
  ImportResult result;
  std::map<std::pair<int, std::string>, double> by_supplier;  // (year, ISO3 or XUN) -> TIV
  std::map<int, double> total;
  std::map<std::string, double> no_code;  // suppliers known to have no ISO3 (e.g. "European Union**")
  long focal_rows = 0;
  static const std::vector<Delivery> none;
  auto found = by_recipient_.find(request.focal);
  for (const auto& delivery : found == by_recipient_.end() ? none : found->second) {
    if (!request.wants_year(delivery.year)) continue;
    ++focal_rows;
    total[delivery.year] += delivery.tiv;
    if (delivery.matched)
      by_supplier[{delivery.year, delivery.supplier}] += delivery.tiv;
    else if (delivery.known)
      no_code[delivery.supplier] += delivery.tiv;
    else
      note_unmatched(request, result, delivery.supplier, file_, delivery.line);
  }
  // TIVs carry at most a few decimals: round the sums' floating-point noise away.
  const auto round6 = [](double tiv) { return std::round(tiv * 1e6) / 1e6; };
  for (const auto& [key, tiv] : by_supplier)
    if (tiv > 0) result.ties.push_back({"arms", key.second, key.first, round6(tiv), "sipri-at", "", 0});
  // The total of every delivery, so that suppliers with no ISO3 stay unallocated.
  for (const auto& [year, tiv] : total)
    if (tiv > 0) result.ties.push_back({"arms", kWorldCode, year, round6(tiv), "sipri-at", "", 0});
  result.domains.push_back({"arms", "Arms imports", "SIPRI TIV, millions",
                            "Deliveries of major conventional arms by supplier (SIPRI trend-indicator values of the "
                            "deliveries, by delivery year).",
                            arms_substitutability()});
  result.sources.push_back({"sipri-at", "Stockholm International Peace Research Institute (SIPRI)",
                            "SIPRI Arms Transfers Database, trade register" +
                                (generated_.empty() ? std::string() : " (" + generated_ + ")"),
                            "", "https://www.sipri.org/databases/armstransfers; imported from " + file_});
  result.notes.push_back(fmt::format("{} delivery rows with {} as recipient", focal_rows, request.focal));
  for (const auto& [name, tiv] : no_code)
    result.notes.push_back(fmt::format("supplier '{}' (no ISO3: not a state) delivered {} TIV: counted in the WLD "
                                       "total, allocated to no partner", name, tiv));
  return result;
}

}  // namespace tengerim
