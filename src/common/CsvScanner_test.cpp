#include "common/CsvScanner.h"

#include <gtest/gtest.h>

namespace tengerim {
namespace {

struct Record {
  long line;
  std::string first, second;
  bool operator==(const Record&) const = default;
};

std::vector<Record> records_of(CsvScanner& csv) {
  std::vector<Record> out;
  while (csv.next()) out.push_back({csv.line(), std::string(csv.field(0)), std::string(csv.field(1))});
  return out;
}

std::vector<Record> records_of_parts(const std::string& text, size_t parts) {
  std::vector<Record> out;
  for (auto& part : CsvScanner(text, "f.csv").split(parts)) {
    auto records = records_of(part);
    out.insert(out.end(), records.begin(), records.end());
  }
  return out;
}

// Line numbers written out by hand for each text; every split must give the same records.
TEST(CsvScanner, SplitPartsGiveTheRecordsAndLinesOfTheWholeFile) {
  const std::vector<std::pair<std::string, std::vector<Record>>> cases = {
      {"a,b\n1,2\n3,4\n5,6\n7,8\n", {{2, "1", "2"}, {3, "3", "4"}, {4, "5", "6"}, {5, "7", "8"}}},
      {"a,b\n1,2\n\n3,4\n\n\n5,6", {{2, "1", "2"}, {4, "3", "4"}, {7, "5", "6"}}},        // blank lines, no final LF
      {"a,b\r\n1,2\r\n3,4\r\n5,6\r\n", {{2, "1", "2"}, {3, "3", "4"}, {4, "5", "6"}}},      // CRLF
      {"a,b\r1,2\r3,4\n5,6\r\n7,8", {{2, "1", "2"}, {3, "3", "4"}, {4, "5", "6"}, {5, "7", "8"}}},  // lone CRs
      {"a,b\n1,\"x\ny\"\n3,4\n", {{2, "1", "x\ny"}, {4, "3", "4"}}},                          // a quote: one part
      {"a,b\n", {}},
  };
  for (const auto& [text, expected] : cases) {
    CsvScanner whole(text, "f.csv");
    EXPECT_EQ(records_of(whole), expected) << text;
    for (size_t parts : {1, 2, 3, 4, 7, 50}) EXPECT_EQ(records_of_parts(text, parts), expected) << text << parts;
  }
}

TEST(CsvScanner, SplitPartsReportErrorsAtTheLineOfTheWholeFile) {
  const std::string text = "a,b\n1,2\n3,4\n5,6\n7\n9,10\n";
  for (size_t parts : {1, 2, 3, 5}) {
    bool failed = false;
    for (auto& part : CsvScanner(text, "f.csv").split(parts)) {
      try {
        while (part.next()) {
        }
      } catch (const Error& error) {
        failed = true;
        EXPECT_EQ(error.where().line, 5) << parts;
        EXPECT_NE(std::string(error.what()).find("expected 2 fields, found 1"), std::string::npos) << error.what();
      }
    }
    EXPECT_TRUE(failed) << parts;
  }
}

TEST(CsvScanner, SplitKeepsQuotedFilesWhole) {
  const std::string text = "a,b\n1,\"2\"\n3,4\n5,6\n";
  EXPECT_EQ(CsvScanner(text, "f.csv").split(4).size(), 1u);
  EXPECT_EQ(CsvScanner("a,b\n1,2\n3,4\n5,6\n7,8\n", "f.csv").split(2).size(), 2u);
}

TEST(CsvScanner, QuotedHeaderAndFieldsKeepTheirOwnText) {
  CsvScanner csv("a,\"b, c\",\"d\"\"\"\n\"1\",\"2,\n3\",x\n", "f.csv");
  EXPECT_EQ(csv.header(), (std::vector<std::string>{"a", "b, c", "d\""}));
  ASSERT_TRUE(csv.next());
  EXPECT_EQ(csv.field(0), "1");
  EXPECT_EQ(csv.field(1), "2,\n3");
  EXPECT_EQ(csv.field(2), "x");
  EXPECT_EQ(csv.line(), 2);
  EXPECT_FALSE(csv.next());
}

}  // namespace
}  // namespace tengerim
