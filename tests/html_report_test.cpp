// `tengerim report --html FILE`: one self-contained page with every chart,
// each with a title, two axis labels and its sources; nothing fetched.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "TestSupport.h"

namespace tengerim {
namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, WritesEveryChartWithAxesAndSources) {
  auto dir = testing::make_temp_dir("html-report");
  auto result = testing::run_tengerim({"report", "--format", "html", "--out", dir + "/report.html", "--year", "2023"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  std::string html = testing::read_text(dir + "/report.html");
  for (const char* id : {"shares", "roles", "series", "loss", "map-baseline", "map-shocked"})
    EXPECT_NE(html.find(std::string("<figure id=\"") + id + "\""), std::string::npos) << id;
  EXPECT_EQ(count(html, "<figure"), 6u);
  EXPECT_EQ(count(html, "class=\"chart-title\""), 6u);
  EXPECT_GE(count(html, "class=\"axis-label\""), 12u);
  EXPECT_EQ(count(html, "Sources:<ul>"), 6u);
  // The 2023 trade figures cite the BNS 2023 edition and the arms figures SIPRI.
  EXPECT_NE(html.find("[bns-ed2023]"), std::string::npos);
  EXPECT_NE(html.find("[sipri-at-2026]"), std::string::npos);
  // Self-contained: no script, no stylesheet link, no src/href/url() to any host.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=|url\()")));
}

TEST(HtmlReport, RejectsAYearOutsideTheModelAndWritesNothing) {
  auto dir = testing::make_temp_dir("html-report-bad");
  auto result = testing::run_tengerim({"report", "--format", "html", "--out", dir + "/report.html", "--year", "1990"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--year"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "/report.html"));
}

}  // namespace
}  // namespace tengerim
