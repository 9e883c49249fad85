#pragma once
// A parsed CSV file that remembers where every cell came from, so that any
// layer can report "file:line: field 'x': ..." (RFC 4180 quoting, UTF-8).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Error.h"

namespace tengerim {

struct CsvRow {
  long line = 0;  // 1-based line in the file where the record starts
  std::vector<std::string> cells;
};

class CsvTable {
 public:
  // Parses `text`; `file` names it in error messages. Strips a UTF-8 BOM,
  // accepts \n and \r\n, rejects invalid UTF-8, ragged rows and an empty file.
  static CsvTable parse(std::string_view text, std::string file, char delimiter = ',');

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }

  std::optional<size_t> find_column(std::string_view name) const;  // case-insensitive
  size_t require_column(std::string_view name) const;
  // Fails on a header column not in `required` or `optional`, or a missing required one.
  void require_columns(const std::vector<std::string>& required,
                       const std::vector<std::string>& optional = {}) const;

  const std::string& cell(const CsvRow& row, size_t column) const { return row.cells[column]; }
  Location at(const CsvRow& row, size_t column) const;
  // A finite number; fails naming file, line and column otherwise.
  double number(const CsvRow& row, size_t column) const;
  long integer(const CsvRow& row, size_t column) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

// Parses a whole string as a finite double (no trailing garbage).
std::optional<double> parse_double(std::string_view text);
std::optional<long> parse_long(std::string_view text);
// Plain digits (at most 18, so no overflow), else nullopt: the common case of
// the big files' fields, inline so that it costs no parser call; the same
// value parse_long gives.
inline std::optional<long> parse_plain_digits(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long value = 0;
  for (char c : text) {
    const auto digit = static_cast<unsigned>(c - '0');
    if (digit > 9) return std::nullopt;
    value = value * 10 + static_cast<long>(digit);
  }
  return value;
}

}  // namespace tengerim
