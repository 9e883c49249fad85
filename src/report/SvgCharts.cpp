#include "report/SvgCharts.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/SvgCanvas.h"

namespace tengerim {

std::string stacked_bar_chart(const ChartText& text, const StackedBars& data) {
  SvgCanvas canvas(720, 340, text.title);
  LinearScale y{0, data.y_max, canvas.bottom(), canvas.top()};
  auto ticks = nice_ticks(0, data.y_max);
  canvas.y_axis(y, ticks, text.y_label);
  double slot = (canvas.right() - canvas.left()) / static_cast<double>(std::max<size_t>(data.bars.size(), 1));
  std::vector<double> centres;
  std::vector<std::string> colours;
  for (size_t s = 0; s < data.stacks.size(); ++s) colours.push_back(series_colour(s));
  for (size_t b = 0; b < data.bars.size(); ++b) {
    double x = canvas.left() + slot * static_cast<double>(b), base = 0;
    centres.push_back(x + slot / 2);
    for (size_t s = 0; s < data.stacks.size() && s < data.values[b].size(); ++s) {
      double value = data.values[b][s];
      if (!(value > 0)) continue;
      canvas.rect(x + slot * 0.2, y(base + value), slot * 0.6, y(base) - y(base + value), colours[s],
                  fmt::format("{} / {}: {}", data.bars[b], data.stacks[s], svg_number(value, 1)));
      base += value;
    }
  }
  canvas.x_categories(centres, data.bars, text.x_label);
  canvas.legend(data.stacks, colours);
  return canvas.str();
}

std::string line_chart(const ChartText& text, const std::vector<double>& x, const std::vector<LineSeries>& series,
                       double y_low, double y_high, bool integer_x) {
  SvgCanvas canvas(720, 320, text.title);
  double x_low = x.empty() ? 0 : *std::min_element(x.begin(), x.end());
  double x_high = x.empty() ? 1 : *std::max_element(x.begin(), x.end());
  if (x_high == x_low) x_high = x_low + 1;
  LinearScale sx{x_low, x_high, canvas.left() + 10, canvas.right() - 10};
  LinearScale sy{y_low, y_high, canvas.bottom(), canvas.top()};
  canvas.y_axis(sy, nice_ticks(y_low, y_high), text.y_label);
  std::vector<double> x_ticks = integer_x ? x : nice_ticks(x_low, x_high);
  canvas.x_axis(sx, x_ticks, text.x_label, integer_x);
  // Bands first, under every line: each contiguous run of years with a band is one shaded polygon.
  for (size_t s = 0; s < series.size(); ++s) {
    const LineSeries& line = series[s];
    std::vector<std::pair<double, double>> upper, lower;
    auto flush = [&] {
      if (upper.size() > 1) {
        upper.insert(upper.end(), lower.rbegin(), lower.rend());
        canvas.polygon(upper, series_colour(s), 0.18, line.name + ": 5-95 % band");
      }
      upper.clear();
      lower.clear();
    };
    for (size_t i = 0; i < x.size() && i < line.low.size() && i < line.high.size(); ++i) {
      if (std::isnan(line.low[i]) || std::isnan(line.high[i])) {
        flush();
        continue;
      }
      upper.emplace_back(sx(x[i]), sy(line.high[i]));
      lower.emplace_back(sx(x[i]), sy(line.low[i]));
    }
    flush();
  }
  std::vector<std::string> names, colours;
  for (size_t s = 0; s < series.size(); ++s) {
    const std::string& colour = series_colour(s);
    names.push_back(series[s].name);
    colours.push_back(colour);
    std::vector<std::pair<double, double>> run;
    auto flush = [&] {
      if (run.size() > 1) canvas.polyline(run, colour);
      run.clear();
    };
    for (size_t i = 0; i < x.size() && i < series[s].y.size(); ++i) {
      double value = series[s].y[i];
      if (std::isnan(value)) {
        flush();
        continue;
      }
      run.emplace_back(sx(x[i]), sy(value));
      canvas.circle(sx(x[i]), sy(value), 3, colour,
                    fmt::format("{} {}: {}", series[s].name, svg_number(x[i]), svg_number(value)));
    }
    flush();
  }
  canvas.legend(names, colours);
  return canvas.str();
}

std::string role_map_chart(const ChartText& text, const RoleMap& data) {
  const double row_height = 34;
  SvgCanvas canvas(720, 100 + row_height * static_cast<double>(data.directions.size()), text.title);
  double slot = (canvas.right() - canvas.left()) / static_cast<double>(std::max<size_t>(data.domains.size(), 1));
  std::vector<double> centres;
  for (size_t d = 0; d < data.domains.size(); ++d) centres.push_back(canvas.left() + slot * (static_cast<double>(d) + 0.5));
  auto row_y = [&](size_t r) { return canvas.top() + row_height * (static_cast<double>(r) + 0.5); };
  for (size_t r = 0; r < data.directions.size(); ++r) {
    canvas.text(canvas.left() - 7, row_y(r) + 4, data.directions[r], "end");
    canvas.line(canvas.left(), row_y(r), canvas.right(), row_y(r), "#eeeeee");
  }
  double max_radius = std::min(row_height, slot) * 0.45;
  for (size_t d = 0; d < data.domains.size(); ++d)
    for (size_t r = 0; r < data.directions.size() && r < data.share[d].size(); ++r) {
      double share = std::clamp(data.share[d][r], 0.0, 1.0);
      bool leads = data.leader[d] == static_cast<int>(r);
      std::string tip = fmt::format("{} in {}: {}%{}", data.directions[r], data.domains[d], svg_number(share * 100, 1),
                                    leads ? fmt::format(", leads by {} points", svg_number(data.lead_margin[d] * 100, 1))
                                          : "");
      canvas.circle(centres[d], row_y(r), std::max(max_radius * std::sqrt(share), 1.0),
                    leads ? series_colour(r) : "#c8c8c8", tip);
      if (leads)
        canvas.text(centres[d] + max_radius + 3, row_y(r) + 4,
                    fmt::format("+{}", svg_number(data.lead_margin[d] * 100, 1)), "start", 10);
    }
  canvas.x_categories(centres, data.domains, text.x_label);
  canvas.text(16, (canvas.top() + canvas.bottom()) / 2, text.y_label, "middle", 12,
              fmt::format(R"x(class="axis-label" transform="rotate(-90 16 {})")x",
                          svg_number((canvas.top() + canvas.bottom()) / 2, 1)));
  canvas.text(canvas.right() + 16, canvas.top() + 10, "circle area: share", "start", 10);
  canvas.text(canvas.right() + 16, canvas.top() + 24, "filled: leader,", "start", 10);
  canvas.text(canvas.right() + 16, canvas.top() + 38, "+lead in points", "start", 10);
  return canvas.str();
}

std::string exceedance_chart(const ChartText& text, const std::vector<Quantile>& quantiles,
                             const std::vector<Marker>& markers) {
  SvgCanvas canvas(720, 320, text.title);
  double x_high = 0;
  for (const auto& q : quantiles) x_high = std::max(x_high, q.value);
  for (const auto& m : markers) x_high = std::max(x_high, m.value);
  if (!(x_high > 0)) x_high = 1;
  auto x_ticks = nice_ticks(0, x_high * 1.05);
  LinearScale sx{0, x_ticks.back(), canvas.left(), canvas.right()};
  double y_high = 0;
  for (const auto& q : quantiles) y_high = std::max(y_high, (1 - q.probability) * 100);
  auto y_ticks = nice_ticks(0, std::max(y_high, 1.0));
  LinearScale sy{0, y_ticks.back(), canvas.bottom(), canvas.top()};
  canvas.y_axis(sy, y_ticks, text.y_label);
  canvas.x_axis(sx, x_ticks, text.x_label);
  // Step curve: P(loss > x) stays at 1 - p_i between consecutive quantile values.
  std::vector<std::pair<double, double>> points;
  for (size_t i = 0; i < quantiles.size(); ++i) {
    double exceed = (1 - quantiles[i].probability) * 100;
    double from = i == 0 ? 0.0 : quantiles[i - 1].value;
    points.emplace_back(sx(from), sy(exceed));
    points.emplace_back(sx(quantiles[i].value), sy(exceed));
  }
  canvas.polyline(points, series_colour(0));
  std::vector<std::string> names{"P(loss > x)"}, colours{series_colour(0)};
  for (size_t m = 0; m < markers.size(); ++m) {
    const std::string& colour = series_colour(m + 1);
    double x = sx(markers[m].value);
    canvas.line(x, canvas.top(), x, canvas.bottom(), colour, 1.5, "5,3");
    names.push_back(fmt::format("{} = {}", markers[m].label, svg_number(markers[m].value, 4)));
    colours.push_back(colour);
  }
  canvas.legend(names, colours);
  return canvas.str();
}

std::string corridor_map_chart(const ChartText& text, const CorridorMap& data) {
  SvgCanvas canvas(760, 420, text.title);
  double lat_low = 90, lat_high = -90, lon_low = 180, lon_high = -180;
  for (const auto& node : data.nodes) {
    lat_low = std::min(lat_low, node.lat), lat_high = std::max(lat_high, node.lat);
    lon_low = std::min(lon_low, node.lon), lon_high = std::max(lon_high, node.lon);
  }
  if (data.nodes.empty()) lat_low = 0, lat_high = 1, lon_low = 0, lon_high = 1;
  auto lon_ticks = nice_ticks(lon_low - 1, lon_high + 1, 8);
  auto lat_ticks = nice_ticks(lat_low - 1, lat_high + 1, 5);
  LinearScale sx{lon_ticks.front(), lon_ticks.back(), canvas.left(), canvas.right()};
  LinearScale sy{lat_ticks.front(), lat_ticks.back(), canvas.bottom(), canvas.top()};
  canvas.y_axis(sy, lat_ticks, text.y_label);
  canvas.x_axis(sx, lon_ticks, text.x_label);
  double max_flow = data.max_flow > 0 ? data.max_flow : 1;
  for (const auto& link : data.links) {
    size_t c = static_cast<size_t>(
        std::find(data.commodities.begin(), data.commodities.end(), link.commodity) - data.commodities.begin());
    const auto &a = data.nodes[link.from], &b = data.nodes[link.to];
    double offset = 2.5 * static_cast<double>(c);  // keeps parallel links of different commodities apart
    std::string tip = fmt::format("{} -> {} ({}): flow {} of capacity {} {}", a.name, b.name, link.commodity,
                                  svg_number(link.flow, 2), svg_number(link.capacity * link.capacity_factor, 2),
                                  link.unit);
    double width = 0.8 + 7 * std::min(link.flow / max_flow, 1.0);
    std::string dash = link.capacity_factor < 1 ? "6,4" : "";
    std::string colour = link.capacity_factor == 0 ? "#cc0000" : series_colour(c);
    canvas.raw(fmt::format(R"(<g class="link"><title>{}</title>)", svg_escape(tip)));
    canvas.line(sx(a.lon) + offset, sy(a.lat) + offset, sx(b.lon) + offset, sy(b.lat) + offset, colour,
                link.flow > 0 ? width : 0.8, link.flow > 0 ? dash : "2,3");
    canvas.raw("</g>\n");
  }
  for (const auto& node : data.nodes) canvas.circle(sx(node.lon), sy(node.lat), 3, "#333", node.name);
  std::vector<std::string> names, colours;
  for (size_t c = 0; c < data.commodities.size(); ++c) {
    names.push_back(data.commodities[c]);
    colours.push_back(series_colour(c));
  }
  names.push_back("closed link");
  colours.push_back("#cc0000");
  canvas.legend(names, colours);
  canvas.text(canvas.right() + 16, canvas.top() + 18.0 * static_cast<double>(names.size()) + 14,
              "width: flow; dashed:", "start", 10);
  canvas.text(canvas.right() + 16, canvas.top() + 18.0 * static_cast<double>(names.size()) + 28,
              "derated; dotted: unused", "start", 10);
  return canvas.str();
}

std::string waterfall_chart(const ChartText& text, const Waterfall& data) {
  std::vector<double> running{data.start};
  for (double value : data.values) running.push_back(running.back() + value);
  // The axis spans the running totals, not zero: the steps are small beside the level.
  double low = *std::min_element(running.begin(), running.end());
  double high = *std::max_element(running.begin(), running.end());
  const double pad = std::max((high - low) * 0.15, 0.005);
  auto ticks = nice_ticks(std::max(0.0, low - pad), high + pad);
  SvgCanvas canvas(720, 340, text.title);
  LinearScale y{ticks.front(), ticks.back(), canvas.bottom(), canvas.top()};
  canvas.y_axis(y, ticks, text.y_label);
  const size_t bars = data.values.size() + 2;
  const double slot = (canvas.right() - canvas.left()) / static_cast<double>(bars);
  std::vector<double> centres;
  std::vector<std::string> labels{data.start_label};
  auto bar = [&](size_t index, double from, double to, const std::string& colour, const std::string& tip) {
    const double x = canvas.left() + slot * static_cast<double>(index);
    centres.push_back(x + slot / 2);
    canvas.rect(x + slot * 0.15, y(std::max(from, to)), slot * 0.7, std::max(1.0, std::fabs(y(from) - y(to))),
                colour, tip);
  };
  const std::string& level = series_colour(0);
  bar(0, ticks.front(), data.start, level, fmt::format("{}: {}", data.start_label, svg_number(data.start, 4)));
  for (size_t i = 0; i < data.values.size(); ++i) {
    const double value = data.values[i];
    bar(i + 1, running[i], running[i + 1], value >= 0 ? series_colour(2) : series_colour(1),
        fmt::format("{}: {}{}", data.steps[i], value >= 0 ? "+" : "", svg_number(value, 4)));
    labels.push_back(data.steps[i]);
  }
  bar(bars - 1, ticks.front(), running.back(), level,
      fmt::format("{}: {}", data.end_label, svg_number(running.back(), 4)));
  labels.push_back(data.end_label);
  canvas.x_categories(centres, labels, text.x_label);
  canvas.legend({"level", "rise", "fall"}, {level, series_colour(2), series_colour(1)});
  return canvas.str();
}

}  // namespace tengerim
