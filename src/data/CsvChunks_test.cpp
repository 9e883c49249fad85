#include "data/CsvChunks.h"

#include <gtest/gtest.h>

namespace tengerim {
namespace {

TEST(CsvChunks, BlocksKeepTheLinesOfTheWholeFile) {
  const std::string text = "a\tb\n1\t2\n3\t4\n\n5\t6\n7\t8\n";
  std::vector<long> lines;
  std::vector<std::string> firsts;
  for_each_csv_chunk(text, "f.tab", '\t', 2, [&](const CsvChunk& chunk) {
    for (const auto& row : chunk.table.rows()) {
      lines.push_back(row.line + chunk.line_offset);
      firsts.push_back(row.cells[0]);
    }
  });
  EXPECT_EQ(lines, (std::vector<long>{2, 3, 5, 6}));
  EXPECT_EQ(firsts, (std::vector<std::string>{"1", "3", "5", "7"}));
}

TEST(CsvChunks, ErrorsNameTheLineInTheWholeFile) {
  const std::string text = "a\tb\n1\t2\n3\t4\n5\t6\n7\n";
  try {
    for_each_csv_chunk(text, "f.tab", '\t', 2, [](const CsvChunk&) {});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.where().line, 5);
    EXPECT_NE(std::string(error.what()).find("f.tab:5: expected 2 fields"), std::string::npos) << error.what();
  }
  try {  // an error raised while visiting a block, with the block's own line
    for_each_csv_chunk(text.substr(0, text.size() - 2), "f.tab", '\t', 2, [](const CsvChunk& chunk) {
      for (const auto& row : chunk.table.rows()) (void)chunk.table.integer(row, 1);
      if (chunk.line_offset > 0) fail_input(chunk.table.at(chunk.table.rows().at(0), 1), "bad");
    });
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.where().line, 4);
  }
  std::vector<size_t> sizes;
  for_each_csv_chunk("a\tb\n", "f.tab", '\t', 2,
                     [&](const CsvChunk& chunk) { sizes.push_back(chunk.table.rows().size()); });
  EXPECT_EQ(sizes, (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace tengerim
