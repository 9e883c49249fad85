#pragma once
// A forward-only CSV reader for large files (hundreds of thousands of rows):
// it walks the text once and hands out fields as views, so no row is copied.
// Same rules and messages as CsvTable (RFC 4180 quoting, UTF-8, BOM, blank
// lines skipped, ragged rows and empty files rejected); use CsvTable for
// small files that are read more than once.
#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/CsvTable.h"
#include "common/Error.h"

namespace tengerim {

class CsvScanner {
 public:
  // `text` must outlive the scanner; `file` names it in messages. Reads the header.
  CsvScanner(std::string_view text, std::string file, char delimiter = ',');

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  size_t require_column(std::string_view name) const;  // case-insensitive
  // Fails on a header column not in `required` or `optional`, or a missing required one.
  void require_columns(const std::vector<std::string>& required,
                       const std::vector<std::string>& optional = {}) const;

  // Scanners over consecutive parts of the rows not yet read, each starting at
  // a line start with its line number, so that the parts can be scanned on
  // several threads and give the same records, lines and errors as this one.
  // Rows holding a quote character are not split (a quoted field may span
  // lines): then the one part is a copy of this scanner.
  std::vector<CsvScanner> split(size_t parts) const;

  // Moves to the next record; false at the end of the file.
  bool next();
  long line() const { return line_; }
  size_t bytes_left() const { return text_.size() - pos_; }  // not yet read  // where the current record starts (1-based)
  std::string_view field(size_t column) const { return fields_[column]; }
  Location at(size_t column) const;
  // Like CsvTable::number / integer: a finite number, else an error naming file, line and column.
  double number(size_t column) const;
  long integer(size_t column) const {
    if (auto value = parse_plain_digits(fields_[column])) return *value;
    return integer_otherwise(column);
  }
  // A blank field is missing (nullopt); anything else must be a number.
  std::optional<double> optional_number(size_t column) const {
    // Whole numbers below 10^15 are exact in a double: the value any parser gives.
    if (fields_[column].size() <= 15)
      if (auto value = parse_plain_digits(fields_[column])) return static_cast<double>(*value);
    return optional_number_otherwise(column);
  }

 private:
  long integer_otherwise(size_t column) const;
  std::optional<double> optional_number_otherwise(size_t column) const;
  bool read_record(std::vector<std::string_view>& fields);
  // The common case, a record with no quote character: fields found from bit masks.
  enum class Fast { kRecord, kBlank, kNotPlain };
  Fast read_plain_record(std::vector<std::string_view>& fields);
  // UTF-8 is checked a block ahead of the scan, while the block is in cache (and
  // per part, so in parallel): before a record is read, and for a record that
  // ran past the checked block, before it is handed out.
  void check_utf8(size_t end);
  void check_utf8_ahead() {
    if (pos_ >= checked_) check_utf8(pos_ + kUtf8Block);
  }
  void check_utf8_behind() {
    if (pos_ > checked_) check_utf8(pos_);
  }
  static constexpr size_t kUtf8Block = 64 * 1024;
  size_t next_stop(size_t pos) const;  // the first delimiter, quote, CR or LF at or after pos; else the end
  std::string_view read_quoted(size_t column);

  std::string_view text_;
  std::string file_;
  char delimiter_;
  std::array<bool, 256> stops_{};  // the bytes that end a run of ordinary ones: delimiter, quote, CR, LF
  size_t pos_ = 0;
  size_t checked_ = 0;  // text_ before this offset is valid UTF-8
  long next_line_ = 1;
  long line_ = 0;
  std::vector<std::string> header_;
  std::vector<std::string_view> fields_;
  std::deque<std::string> unquoted_;  // per column: a quoted field with its quotes undone
};

}  // namespace tengerim
