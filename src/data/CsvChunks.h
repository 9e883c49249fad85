#pragma once
// Reads a large line-oriented delimited file (one record per line, no quoted
// line breaks, e.g. ICEWS .tab) a block of lines at a time, so that memory
// stays bounded by the block, not the file. Each block is a CsvTable with the
// file's header; errors and `line_offset` give the line in the whole file.
#include <functional>
#include <string>
#include <string_view>

#include "common/CsvTable.h"

namespace tengerim {

struct CsvChunk {
  const CsvTable& table;
  long line_offset;  // add to a row's line for its line in the file
};

// Calls `visit` for each block of up to `rows_per_chunk` records (at least once,
// with the header alone when the file has no records). Fails like CsvTable::parse.
void for_each_csv_chunk(std::string_view text, const std::string& file, char delimiter, size_t rows_per_chunk,
                        const std::function<void(const CsvChunk&)>& visit);

}  // namespace tengerim
