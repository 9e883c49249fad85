#include "common/CsvScanner.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {

CsvScanner::CsvScanner(std::string_view text, std::string file, char delimiter)
    : text_(text), file_(std::move(file)), delimiter_(delimiter) {
  for (unsigned char c : {static_cast<unsigned char>(delimiter_), static_cast<unsigned char>('"'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('\n')})
    stops_[c] = true;
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  std::vector<std::string_view> names;
  while (pos_ < text_.size()) {
    check_utf8_ahead();
    const bool header = read_record(names);
    check_utf8_behind();
    if (header) break;
  }
  if (names.empty()) fail_input({file_, 0, ""}, "the file is empty: expected a header line");
  for (auto name : names) header_.push_back(trim(name));
  if (header_.size() == 1 && delimiter_ == ',' && header_[0].find(';') != std::string::npos)
    fail_input({file_, 1, ""}, "the header has one column: is the delimiter ';' instead of ','?");
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

namespace {

// How often `byte` occurs: a serial step before the parallel scan, so 16 bytes at a time.
long count_byte(std::string_view text, char byte) {
  size_t i = 0;
  long count = 0;
#if defined(__SSE2__)
  const __m128i target = _mm_set1_epi8(byte), zero = _mm_setzero_si128();
  while (i + 16 <= text.size()) {
    // Up to 255 blocks: per-byte counters (a match is -1, subtracted) that cannot overflow.
    __m128i counters = zero;
    for (size_t block = 0; block < 255 && i + 16 <= text.size(); ++block, i += 16)
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)), target));
    const __m128i sums = _mm_sad_epu8(counters, zero);  // two 64-bit sums of eight counters each
    count += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
  }
#endif
  for (; i < text.size(); ++i) count += text[i] == byte;
  return count;
}

// Line ends as read_record counts them: LF, CRLF, and a CR alone.
long count_line_ends(std::string_view text) {
  long lines = count_byte(text, '\n');
  for (size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1))
    if (at + 1 == text.size() || text[at + 1] != '\n') ++lines;
  return lines;
}

}  // namespace

std::vector<CsvScanner> CsvScanner::split(size_t parts) const {
  std::vector<CsvScanner> out;
  const size_t size = text_.size();
  if (parts <= 1 || text_.find('"', pos_) != std::string_view::npos) {
    out.push_back(*this);
    return out;
  }
  size_t start = pos_;
  long line = next_line_;
  for (size_t k = 1; k <= parts && start < size; ++k) {
    size_t end = k == parts ? size : std::max(start, pos_ + (size - pos_) * k / parts);
    if (end < size) {  // cut after a line end (a CR alone, or an LF)
      const size_t cut = text_.find_first_of("\r\n", end);
      end = cut == std::string_view::npos ? size : cut + 1;
      if (end < size && text_[end - 1] == '\r' && text_[end] == '\n') ++end;
    }
    CsvScanner part = *this;
    part.text_ = text_.substr(0, end);
    part.pos_ = start;
    part.checked_ = start;
    part.next_line_ = line;
    line += count_line_ends(text_.substr(start, end - start));
    out.push_back(std::move(part));
    start = end;
  }
  if (out.empty()) out.push_back(*this);
  return out;
}

void CsvScanner::check_utf8(size_t end) {
  end = std::min(end, text_.size());
  if (end < text_.size()) {  // stop after a line end, so that no UTF-8 sequence is cut in two
    const size_t line_end = text_.find('\n', end);
    end = line_end == std::string_view::npos ? text_.size() : line_end + 1;
  }
  if (auto bad = first_invalid_utf8(text_.substr(checked_, end - checked_))) {
    const auto at = static_cast<long>(checked_ + *bad);
    fail_input({file_, 1 + std::count(text_.begin(), text_.begin() + at, '\n'), ""}, "the file is not valid UTF-8");
  }
  checked_ = end;
}

bool CsvScanner::next() {
  while (pos_ < text_.size()) {
    check_utf8_ahead();
    const bool record = read_record(fields_);
    check_utf8_behind();
    if (!record) continue;  // a blank line
    if (fields_.size() != header_.size())
      fail_input({file_, line_, ""}, "expected " + std::to_string(header_.size()) + " fields, found " +
                                         std::to_string(fields_.size()));
    return true;
  }
  return false;
}

size_t CsvScanner::next_stop(size_t pos) const {
  const char* const data = text_.data();
  const size_t size = text_.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time: one compare per kind of stop byte, and the first
  // hit from the mask. Most fields are shorter than a block, so this usually
  // finds the field's end in one step instead of one step per byte.
  const __m128i delimiter = _mm_set1_epi8(delimiter_), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                lf = _mm_set1_epi8('\n');
  while (pos + 16 <= size) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, delimiter), _mm_cmpeq_epi8(block, quote)),
                                      _mm_or_si128(_mm_cmpeq_epi8(block, cr), _mm_cmpeq_epi8(block, lf)));
    if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits))) return pos + static_cast<size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  while (pos < size && !stops_[static_cast<unsigned char>(data[pos])]) ++pos;
  return pos;
}

CsvScanner::Fast CsvScanner::read_plain_record(std::vector<std::string_view>& fields) {
#if defined(__SSE2__)
  // A record with no quote, 16 bytes at a time: a bit mask of the delimiters
  // and one of the line ends per block; each delimiter bit ends a field.
  const char* const data = text_.data();
  const size_t size = text_.size();
  const __m128i delimiter = _mm_set1_epi8(delimiter_), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                lf = _mm_set1_epi8('\n');
  size_t start = pos_;
  for (size_t block_at = pos_; block_at + 16 <= size; block_at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + block_at));
    const auto ends = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, cr), _mm_cmpeq_epi8(block, lf))));
    const unsigned before_end = ends ? (ends & (0u - ends)) - 1 : 0xFFFFu;  // the bits before the line end
    if (static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote))) & before_end) {
      fields.clear();
      return Fast::kNotPlain;
    }
    for (auto delimiters = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, delimiter))) & before_end;
         delimiters != 0; delimiters &= delimiters - 1) {
      const size_t at = block_at + static_cast<size_t>(__builtin_ctz(delimiters));
      fields.emplace_back(data + start, at - start);
      start = at + 1;
    }
    if (ends == 0) continue;
    const size_t end = block_at + static_cast<size_t>(__builtin_ctz(ends));
    pos_ = end + (data[end] == '\r' && end + 1 < size && data[end + 1] == '\n' ? 2 : 1);
    ++next_line_;
    if (fields.empty() && end == start) return Fast::kBlank;
    fields.emplace_back(data + start, end - start);
    return Fast::kRecord;
  }
  fields.clear();  // the last bytes of the text: the general loop reads them
#else
  (void)fields;
#endif
  return Fast::kNotPlain;
}

// Returns false for a blank line.
bool CsvScanner::read_record(std::vector<std::string_view>& fields) {
  fields.clear();
  line_ = next_line_;
  switch (read_plain_record(fields)) {
    case Fast::kRecord: return true;
    case Fast::kBlank: return false;
    case Fast::kNotPlain: break;  // a quote or the end of the text: byte by byte below
  }
  const char* const data = text_.data();
  const size_t size = text_.size();
  size_t start = pos_;
  bool any = false;
  while (true) {
    pos_ = next_stop(pos_);
    if (pos_ == size) break;
    const char c = data[pos_];
    if (c == '"') {
      if (pos_ != start) {  // a quote inside an unquoted field is an ordinary byte
        ++pos_;
        continue;
      }
      fields.push_back(read_quoted(fields.size()));
      any = true;
      if (pos_ < size && data[pos_] == delimiter_) {
        start = ++pos_;
        continue;
      }
      if (pos_ < size) {  // a line end
        if (data[pos_] == '\r') ++pos_;
        if (pos_ < size && data[pos_] == '\n') ++pos_;
        ++next_line_;
      }
      return true;
    }
    if (c == delimiter_) {
      fields.emplace_back(data + start, pos_ - start);
      any = true;
      start = ++pos_;
      continue;
    }
    const size_t end = pos_;  // CR or LF
    if (c == '\r') ++pos_;
    if (pos_ < size && data[pos_] == '\n') ++pos_;
    ++next_line_;
    if (!any && end == start) return false;
    fields.emplace_back(data + start, end - start);
    return true;
  }
  if (!any && pos_ == start) return false;
  fields.push_back(text_.substr(start, pos_ - start));
  return true;
}

std::string_view CsvScanner::read_quoted(size_t column) {
  // A deque: growing it keeps the earlier columns' strings (and views of them) where they are.
  if (column >= unquoted_.size()) unquoted_.resize(column + 1);
  std::string& cell = unquoted_[column];
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

long CsvScanner::integer_otherwise(size_t column) const {
  const std::string_view text = fields_[column];
  if (auto value = parse_long(text)) return *value;
  const std::string trimmed = trim(text);
  if (trimmed.empty()) fail_input(at(column), "missing value: expected a whole number");
  auto value = parse_long(trimmed);
  if (!value) fail_input(at(column), "'" + trimmed + "' is not a whole number");
  return *value;
}

std::optional<double> CsvScanner::optional_number_otherwise(size_t column) const {
  const std::string_view text = fields_[column];
  if (auto value = parse_double(text)) return value;
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  auto value = parse_double(trimmed);
  if (!value) fail_input(at(column), "'" + trimmed + "' is not a finite number");
  return value;
}

}  // namespace tengerim
