#include "common/CsvTable.h"

#include <charconv>
#include <cmath>

#include "common/Text.h"

namespace tengerim {
namespace {

// Splits the text into records; a quoted field may span lines.
class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& file, char delimiter)
      : text_(text), file_(file), delimiter_(delimiter) {}

  std::vector<CsvRow> records() {
    std::vector<CsvRow> out;
    while (pos_ < text_.size()) {
      CsvRow row;
      row.line = line_;
      if (read_record(row.cells)) out.push_back(std::move(row));
    }
    return out;
  }

 private:
  // Returns false for a blank line.
  bool read_record(std::vector<std::string>& cells) {
    std::string cell;
    bool any = false;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"' && cell.empty()) {
        read_quoted(cell);
        any = true;
        continue;
      }
      if (c == delimiter_) {
        cells.push_back(std::move(cell));
        cell.clear();
        any = true;
        ++pos_;
        continue;
      }
      if (c == '\r' || c == '\n') {
        skip_newline();
        break;
      }
      cell.push_back(c);
      any = true;
      ++pos_;
    }
    if (!any) return false;
    cells.push_back(std::move(cell));
    return true;
  }

  void read_quoted(std::string& cell) {
    long start_line = line_;
    ++pos_;
    while (true) {
      if (pos_ >= text_.size())
        fail_input({file_, start_line, ""}, "unterminated quoted field (the file may be truncated)");
      char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          cell.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
            text_[pos_] != '\r')
          fail_input({file_, line_, ""}, "unexpected character after a closing quote");
        return;
      }
      if (c == '\n') ++line_;
      cell.push_back(c);
      ++pos_;
    }
  }

  void skip_newline() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  std::string_view text_;
  const std::string& file_;
  char delimiter_;
  size_t pos_ = 0;
  long line_ = 1;
};

}  // namespace

CsvTable CsvTable::parse(std::string_view text, std::string file, char delimiter) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = first_invalid_utf8_line(text))
    fail_input({file, *bad, ""}, "the file is not valid UTF-8");
  CsvTable table;
  table.file_ = std::move(file);
  auto records = CsvParser(text, table.file_, delimiter).records();
  if (records.empty()) fail_input({table.file_, 0, ""}, "the file is empty: expected a header line");
  table.header_ = std::move(records.front().cells);
  for (auto& name : table.header_) name = trim(name);
  if (table.header_.size() == 1 && delimiter == ',' && table.header_[0].find(';') != std::string::npos)
    fail_input({table.file_, 1, ""}, "the header has one column: is the delimiter ';' instead of ','?");
  for (size_t i = 1; i < records.size(); ++i) {
    auto& row = records[i];
    if (row.cells.size() != table.header_.size())
      fail_input({table.file_, row.line, ""},
                 "expected " + std::to_string(table.header_.size()) + " fields, found " +
                     std::to_string(row.cells.size()));
    table.rows_.push_back(std::move(row));
  }
  return table;
}

std::optional<size_t> CsvTable::find_column(std::string_view name) const {
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
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<long> parse_long(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace tengerim
