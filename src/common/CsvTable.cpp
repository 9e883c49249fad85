#include "common/CsvTable.h"

#include <charconv>
#include <cmath>

#include "common/CsvScanner.h"
#include "common/Text.h"

namespace tengerim {

CsvTable CsvTable::parse(std::string_view text, std::string file, char delimiter) {
  // The scanner checks the encoding, the header and every record's shape; the table keeps copies.
  CsvScanner csv(text, file, delimiter);
  CsvTable table;
  table.file_ = std::move(file);
  table.header_ = csv.header();
  const size_t columns = table.header_.size();
  while (csv.next()) {
    CsvRow& row = table.rows_.emplace_back();
    row.line = csv.line();
    row.cells.reserve(columns);
    for (size_t column = 0; column < columns; ++column) row.cells.emplace_back(csv.field(column));
  }
  return table;
}

std::optional<size_t> CsvTable::find_column(std::string_view name) const {
  // Readers look columns up per row: the exact spelling first, which is nearly always the one.
  for (size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  for (size_t i = 0; i < header_.size(); ++i)
    if (iequals(header_[i], name)) return i;
  return std::nullopt;
}

size_t CsvTable::require_column(std::string_view name) const {
  if (auto index = find_column(name)) return *index;
  fail_input({file_, 1, std::string(name)}, "missing column (header is: " + join(header_, ",") + ")");
}

void CsvTable::require_columns(const std::vector<std::string>& required,
                               const std::vector<std::string>& optional) const {
  for (const auto& column : header_) {
    bool known = false;
    for (const auto& name : required) known = known || iequals(name, column);
    for (const auto& name : optional) known = known || iequals(name, column);
    if (!known)
      fail_input({file_, 1, column},
                 "unknown column (expected " + join(required, ",") +
                     (optional.empty() ? "" : " and optionally " + join(optional, ",")) + ")");
  }
  for (const auto& name : required) require_column(name);
}

Location CsvTable::at(const CsvRow& row, size_t column) const {
  return {file_, row.line, column < header_.size() ? header_[column] : ""};
}

double CsvTable::number(const CsvRow& row, size_t column) const {
  const std::string text = trim(row.cells[column]);
  if (text.empty()) fail_input(at(row, column), "missing value: expected a number");
  auto value = parse_double(text);
  if (!value) fail_input(at(row, column), "'" + text + "' is not a finite number");
  return *value;
}

long CsvTable::integer(const CsvRow& row, size_t column) const {
  const std::string text = trim(row.cells[column]);
  if (text.empty()) fail_input(at(row, column), "missing value: expected a whole number");
  auto value = parse_long(text);
  if (!value) fail_input(at(row, column), "'" + text + "' is not a whole number");
  return *value;
}

std::optional<double> parse_double(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Whole numbers below 10^15 are exact in a double: the same value from_chars gives.
  if (text.size() <= 15)
    if (auto digits = parse_plain_digits(text)) return static_cast<double>(*digits);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<long> parse_long(std::string_view text) {
  if (auto digits = parse_plain_digits(text)) return digits;
  if (text.empty()) return std::nullopt;
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace tengerim
