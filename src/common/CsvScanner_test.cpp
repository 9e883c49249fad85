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

// Rows of every length around the 16-byte blocks, LF and CRLF ends and blank
// lines, checked against a plain split by line and by comma (no quotes here).
TEST(CsvScanner, LongUnquotedFilesMatchASplitByLinesAndCommas) {
  std::string text = "a,b,c\n";
  std::vector<Record> expected;
  long line = 2;
  std::string third_of_last;
  for (int row = 0; row < 3000; ++row) {
    const std::string first(static_cast<size_t>(row % 37), static_cast<char>('a' + row % 26));
    const std::string second = std::to_string(row * 7919 % 100003);
    const std::string third(static_cast<size_t>(row % 5), 'z');
    text += first + "," + second + "," + third + (row % 3 == 0 ? "\r\n" : "\n");
    expected.push_back({line++, first, second});
    if (row % 11 == 0) {
      text += row % 2 ? "\n" : "\r\n";  // a blank line
      ++line;
    }
  }
  text += "last,1,";  // no line end at the end of the file
  expected.push_back({line, "last", "1"});
  for (size_t parts : {1, 2, 3}) {
    std::vector<Record> records;
    for (auto& part : CsvScanner(text, "f.csv").split(parts)) {
      while (part.next()) {
        records.push_back({part.line(), std::string(part.field(0)), std::string(part.field(1))});
        ASSERT_EQ(part.field(2).find_first_not_of('z'), std::string_view::npos);
      }
    }
    EXPECT_EQ(records, expected) << parts;
  }
}

TEST(CsvScanner, InvalidUtf8FarIntoTheFileNamesItsLine) {
  std::string text = "a,b\n";
  for (int row = 0; row < 20000; ++row) text += "caf\xC3\xA9," + std::to_string(row) + "\n";  // valid two-byte UTF-8
  text += "bad\xC3(,1\n";                                                                     // line 20002
  for (size_t parts : {1, 2}) {
    try {
      for (auto& part : CsvScanner(text, "f.csv").split(parts))
        while (part.next()) {
        }
      FAIL() << "expected an error";
    } catch (const Error& error) {
      EXPECT_EQ(error.where().line, 20002) << parts;
      EXPECT_NE(std::string(error.what()).find("not valid UTF-8"), std::string::npos) << error.what();
    }
  }
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
