#pragma once
// The engine's chart types as SVG, from plain numbers (no model types), so
// the HTML report and the dashboard draw the same pictures. Every chart has a
// title and axis labels that carry the unit; the caller puts sources under it.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace tengerim {

struct ChartText {
  std::string title;
  std::string x_label;  // with unit, e.g. "year"
  std::string y_label;  // with unit, e.g. "share of the domain, %"
};

// One bar per domain, stacked by direction; values in the y unit.
struct StackedBars {
  std::vector<std::string> bars;    // x categories
  std::vector<std::string> stacks;  // legend, in stacking order
  std::vector<std::vector<double>> values;  // [bar][stack]
  double y_max = 100;
};
std::string stacked_bar_chart(const ChartText& text, const StackedBars& data);

// Lines over a numeric x; NaN y leaves a gap.
struct LineSeries {
  std::string name;
  std::vector<double> y;  // one per x
  // Optional band around the line (e.g. 5-95 % over sensitivity draws), one per x, NaN where none.
  std::vector<double> low;
  std::vector<double> high;
};
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
std::string line_chart(const ChartText& text, const std::vector<double>& x, const std::vector<LineSeries>& series,
                       double y_low, double y_high, bool integer_x = true);

// A waterfall: a start bar, one floating bar per step (rising or falling from
// the running total), an end bar; the steps sum to end - start.
struct Waterfall {
  std::string start_label, end_label;
  double start = 0;
  std::vector<std::string> steps;  // labels
  std::vector<double> values;      // one per step
};
std::string waterfall_chart(const ChartText& text, const Waterfall& data);

// Which direction leads each domain: a circle per (direction, domain) with area
// proportional to the share; the leader's circle is filled and labelled with its lead.
struct RoleMap {
  std::vector<std::string> domains;     // columns
  std::vector<std::string> directions;  // rows
  std::vector<std::vector<double>> share;  // [domain][direction], in [0, 1]
  std::vector<int> leader;                 // per domain: row index, or -1
  std::vector<double> lead_margin;         // per domain, share points in [0, 1]
};
std::string role_map_chart(const ChartText& text, const RoleMap& data);

// A loss distribution as its exceedance curve P(loss > x) from sorted
// quantiles, with vertical markers (VaR, CVaR) labelled.
struct Quantile {
  double probability = 0;  // P(loss <= value)
  double value = 0;
};
struct Marker {
  std::string label;
  double value = 0;
};
std::string exceedance_chart(const ChartText& text, const std::vector<Quantile>& quantiles,
                             const std::vector<Marker>& markers);

// Corridor flows on an equirectangular map: links as lines whose width grows
// with the flow, closed or derated links dashed; nodes as dots.
struct MapNode {
  std::string id, name;
  double lat = 0, lon = 0;
};
struct MapLink {
  size_t from = 0, to = 0;  // indices into nodes
  std::string commodity, unit;
  double capacity = 0, flow = 0;
  double capacity_factor = 1;
};
struct CorridorMap {
  std::vector<MapNode> nodes;
  std::vector<MapLink> links;
  std::vector<std::string> commodities;  // legend order; colour by index
  double max_flow = 1;                   // the flow drawn at full width (shared by panels)
};
std::string corridor_map_chart(const ChartText& text, const CorridorMap& data);

}  // namespace tengerim
