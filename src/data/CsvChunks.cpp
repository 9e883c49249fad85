#include "data/CsvChunks.h"

#include <algorithm>

namespace tengerim {
namespace {

// Moves past `count` line ends from `pos`; returns the position after the last one (or the end).
size_t skip_lines(std::string_view text, size_t pos, size_t count) {
  while (count > 0 && pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return text.size();
    pos = end + 1;
    --count;
  }
  return pos;
}

}  // namespace

void for_each_csv_chunk(std::string_view text, const std::string& file, char delimiter, size_t rows_per_chunk,
                        const std::function<void(const CsvChunk&)>& visit) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t body = skip_lines(text, 0, 1);
  const std::string_view header = text.substr(0, body);
  const bool header_ends = !header.empty() && header.back() == '\n';
  size_t pos = body;
  long first_line = 2;  // the file line of the block's first record
  do {
    const size_t end = skip_lines(text, pos, rows_per_chunk);
    std::string block(header);
    if (!header_ends && end > pos) block += '\n';
    block.append(text.substr(pos, end - pos));
    const long offset = first_line - 2;
    try {
      const auto table = CsvTable::parse(block, file, delimiter);
      visit({table, offset});
    } catch (const Error& error) {
      // A line of the block (not its header): re-anchor the line in the whole file.
      if (error.where().file != file || error.where().line <= 1 || offset == 0) throw;
      throw Error(error.kind(), {file, error.where().line + offset, error.where().field}, error.detail());
    }
    first_line += static_cast<long>(
        std::count(text.begin() + static_cast<long>(pos), text.begin() + static_cast<long>(end), '\n'));
    pos = end;
  } while (pos < text.size());
}

}  // namespace tengerim
