#include "common/CsvScanner.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {
namespace {

// The offset of the first byte that is not UTF-8, if any. The big public files
// are nearly all ASCII: 8 bytes are checked at a time until a high bit shows.
std::optional<size_t> first_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    size_t extra = 0;
    if (byte < 0x80) extra = 0;
    else if ((byte & 0xE0) == 0xC0 && byte >= 0xC2) extra = 1;
    else if ((byte & 0xF0) == 0xE0) extra = 2;
    else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4) extra = 3;
    else return i;
    for (size_t k = 1; k <= extra; ++k)
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    i += extra + 1;
  }
  return std::nullopt;
}

}  // namespace

CsvScanner::CsvScanner(std::string_view text, std::string file, char delimiter)
    : text_(text), file_(std::move(file)), delimiter_(delimiter) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  if (auto bad = first_invalid_utf8(text_))
    fail_input({file_, 1 + std::count(text_.begin(), text_.begin() + static_cast<long>(*bad), '\n'), ""},
               "the file is not valid UTF-8");
  std::vector<std::string_view> names;
  while (pos_ < text_.size() && !read_record(names)) {
  }
  if (names.empty()) fail_input({file_, 0, ""}, "the file is empty: expected a header line");
  for (auto name : names) header_.push_back(trim(name));
  if (header_.size() == 1 && delimiter_ == ',' && header_[0].find(';') != std::string::npos)
    fail_input({file_, 1, ""}, "the header has one column: is the delimiter ';' instead of ','?");
  unquoted_.resize(header_.size());
  fields_.reserve(header_.size() + 1);
}

size_t CsvScanner::require_column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i)
    if (iequals(header_[i], name)) return i;
  fail_input({file_, 1, std::string(name)}, "missing column (header is: " + join(header_, ",") + ")");
}

void CsvScanner::require_columns(const std::vector<std::string>& required,
                                 const std::vector<std::string>& optional) const {
  for (const auto& column : header_) {
    bool known = false;
    for (const auto& name : required) known = known || iequals(name, column);
    for (const auto& name : optional) known = known || iequals(name, column);
    if (!known)
      fail_input({file_, 1, column}, "unknown column (expected " + join(required, ",") +
                                         (optional.empty() ? "" : " and optionally " + join(optional, ",")) + ")");
  }
  for (const auto& name : required) require_column(name);
}

bool CsvScanner::next() {
  while (pos_ < text_.size()) {
    if (!read_record(fields_)) continue;  // a blank line
    if (fields_.size() != header_.size())
      fail_input({file_, line_, ""}, "expected " + std::to_string(header_.size()) + " fields, found " +
                                         std::to_string(fields_.size()));
    return true;
  }
  return false;
}

// Returns false for a blank line.
bool CsvScanner::read_record(std::vector<std::string_view>& fields) {
  fields.clear();
  line_ = next_line_;
  size_t start = pos_;
  bool any = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"' && pos_ == start) {
      fields.push_back(read_quoted(fields.size()));
      any = true;
      if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        start = ++pos_;
        continue;
      }
      if (pos_ < text_.size()) {  // a line end
        if (text_[pos_] == '\r') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++next_line_;
      }
      return true;
    }
    if (c == delimiter_) {
      fields.push_back(text_.substr(start, pos_ - start));
      any = true;
      start = ++pos_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      const size_t end = pos_;
      if (c == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++next_line_;
      if (!any && end == start) return false;
      fields.push_back(text_.substr(start, end - start));
      return true;
    }
    ++pos_;
  }
  if (!any && pos_ == start) return false;
  fields.push_back(text_.substr(start, pos_ - start));
  return true;
}

std::string_view CsvScanner::read_quoted(size_t column) {
  static thread_local std::string overflow;  // a field past the header: the row is rejected anyway
  std::string& cell = column < unquoted_.size() ? unquoted_[column] : overflow;
  cell.clear();
  const long start_line = next_line_;
  ++pos_;
  while (true) {
    if (pos_ >= text_.size()) fail_input({file_, start_line, ""}, "unterminated quoted field (the file may be truncated)");
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        cell.push_back('"');
        pos_ += 2;
        continue;
      }
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' && text_[pos_] != '\r')
        fail_input({file_, next_line_, ""}, "unexpected character after a closing quote");
      return cell;
    }
    if (c == '\n') ++next_line_;
    cell.push_back(c);
    ++pos_;
  }
}

Location CsvScanner::at(size_t column) const { return {file_, line_, column < header_.size() ? header_[column] : ""}; }

double CsvScanner::number(size_t column) const {
  auto value = optional_number(column);
  if (!value) fail_input(at(column), "missing value: expected a number");
  return *value;
}

long CsvScanner::integer(size_t column) const {
  const std::string_view text = fields_[column];
  if (auto value = parse_long(text)) return *value;
  const std::string trimmed = trim(text);
  if (trimmed.empty()) fail_input(at(column), "missing value: expected a whole number");
  auto value = parse_long(trimmed);
  if (!value) fail_input(at(column), "'" + trimmed + "' is not a whole number");
  return *value;
}

std::optional<double> CsvScanner::optional_number(size_t column) const {
  const std::string_view text = fields_[column];
  if (auto value = parse_double(text)) return value;
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  auto value = parse_double(trimmed);
  if (!value) fail_input(at(column), "'" + trimmed + "' is not a finite number");
  return value;
}

}  // namespace tengerim
