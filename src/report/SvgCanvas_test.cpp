#include "report/SvgCanvas.h"

#include <gtest/gtest.h>

#include "report/SvgCharts.h"

namespace tengerim {
namespace {

TEST(SvgCanvas, TicksAreRoundAndCoverTheRange) {
  EXPECT_EQ(nice_ticks(0, 1), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  // Longitudes 23.7..88.6 in about 8 steps: range 64.9 / 8 = 8.1 -> step 10, from 20 to 90.
  auto ticks = nice_ticks(23.7, 88.6, 8);
  EXPECT_EQ(ticks.front(), 20);
  EXPECT_EQ(ticks.back(), 90);
  EXPECT_EQ(ticks.size(), 8u);
  EXPECT_EQ(nice_ticks(0, 100), (std::vector<double>{0, 20, 40, 60, 80, 100}));
}

TEST(SvgCanvas, NumbersAndEscaping) {
  EXPECT_EQ(svg_number(0.5), "0.5");
  EXPECT_EQ(svg_number(2.0), "2");
  EXPECT_EQ(svg_number(-0.0001), "0");
  EXPECT_EQ(svg_number(1.23456, 2), "1.23");
  EXPECT_EQ(svg_escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST(SvgCanvas, ScaleMapsEndsAndMiddle) {
  LinearScale scale{0, 10, 300, 100};  // reversed, as a y axis
  EXPECT_DOUBLE_EQ(scale(0), 300);
  EXPECT_DOUBLE_EQ(scale(10), 100);
  EXPECT_DOUBLE_EQ(scale(2.5), 250);
}

TEST(SvgCharts, StackedBarsDrawEachPositiveValueWithTitleAndAxes) {
  StackedBars data{{"a", "b"}, {"x", "y"}, {{60, 40}, {0, 100}}, 100};
  std::string svg = stacked_bar_chart({"Shares <test>", "domain", "share, %"}, data);
  EXPECT_NE(svg.find("Shares &lt;test&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">domain</text>"), std::string::npos);
  EXPECT_NE(svg.find(">share, %</text>"), std::string::npos);
  // Three positive values -> three bars (zero is not drawn); the legend adds two swatches.
  size_t rects = 0;
  for (size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) ++rects;
  EXPECT_EQ(rects, 5u);
  // Plot height 340 - 48 - 40 = 252 px for 100: the 60 % stack is 151.2 px tall.
  EXPECT_NE(svg.find("height=\"151.2\""), std::string::npos);
}

TEST(SvgCharts, LineChartLeavesGapsAtMissingValues) {
  std::string svg = line_chart({"t", "year", "index"}, {2018, 2019, 2020, 2021}, {{"s", {0.1, 0.2, kNoValue, 0.4}, {}, {}}}, 0, 1);
  size_t lines = 0;
  for (size_t at = svg.find("<polyline"); at != std::string::npos; at = svg.find("<polyline", at + 1)) ++lines;
  EXPECT_EQ(lines, 1u);  // 2018-2019 is a line; 2021 alone is only a dot
  size_t dots = 0;
  for (size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++dots;
  EXPECT_EQ(dots, 3u);
}

}  // namespace
}  // namespace tengerim
