#include "report/SvgCanvas.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace tengerim {

std::string svg_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double low, double high, int count) {
  if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) return {low};
  double raw = (high - low) / std::max(count, 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (factor * magnitude >= raw) {
      step = factor * magnitude;
      break;
    }
  std::vector<double> ticks;
  // From the last round value at or below `low` to the first at or above `high`.
  long first = std::lround(std::floor(low / step + 1e-9)), last = std::lround(std::ceil(high / step - 1e-9));
  for (long k = first; k <= last; ++k) ticks.push_back(static_cast<double>(k) * step);
  return ticks;
}

std::string svg_number(double value, int digits) {
  std::string text = fmt::format("{:.{}f}", value, digits);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

double LinearScale::operator()(double value) const {
  double span = domain_high - domain_low;
  double t = span == 0 ? 0.5 : (value - domain_low) / span;
  return pixel_low + t * (pixel_high - pixel_low);
}

const std::string& series_colour(size_t index) {
  static const std::array<std::string, 8> colours{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                  "#E69F00", "#56B4E9", "#999999", "#000000"};
  return colours[index % colours.size()];
}

namespace {
std::string px(double value) { return svg_number(value, 1); }
}  // namespace

SvgCanvas::SvgCanvas(double width, double height, std::string title)
    : width_(width), height_(height), title_(std::move(title)) {}

void SvgCanvas::rect(double x, double y, double w, double h, const std::string& fill, const std::string& tooltip) {
  body_ += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}">)", px(x), px(y), px(std::max(w, 0.0)),
                       px(std::max(h, 0.0)), fill);
  if (!tooltip.empty()) body_ += "<title>" + svg_escape(tooltip) + "</title>";
  body_ += "</rect>\n";
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const std::string& stroke, double width,
                     const std::string& dash) {
  body_ += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>)", px(x1), px(y1),
                       px(x2), px(y2), stroke, svg_number(width, 2),
                       dash.empty() ? "" : fmt::format(R"( stroke-dasharray="{}")", dash));
  body_ += "\n";
}

void SvgCanvas::polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke,
                         double width) {
  std::string coordinates;
  for (const auto& [x, y] : points) coordinates += px(x) + "," + px(y) + " ";
  if (!coordinates.empty()) coordinates.pop_back();
  body_ += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"/>)", coordinates, stroke,
                       svg_number(width, 2));
  body_ += "\n";
}

void SvgCanvas::polygon(const std::vector<std::pair<double, double>>& points, const std::string& fill,
                        double opacity, const std::string& tooltip) {
  std::string coordinates;
  for (const auto& [x, y] : points) coordinates += px(x) + "," + px(y) + " ";
  if (!coordinates.empty()) coordinates.pop_back();
  body_ += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="{}" stroke="none">)", coordinates, fill,
                       svg_number(opacity, 2));
  if (!tooltip.empty()) body_ += "<title>" + svg_escape(tooltip) + "</title>";
  body_ += "</polygon>\n";
}

void SvgCanvas::circle(double x, double y, double r, const std::string& fill, const std::string& tooltip) {
  body_ += fmt::format(R"(<circle cx="{}" cy="{}" r="{}" fill="{}">)", px(x), px(y), px(r), fill);
  if (!tooltip.empty()) body_ += "<title>" + svg_escape(tooltip) + "</title>";
  body_ += "</circle>\n";
}

void SvgCanvas::text(double x, double y, std::string_view content, const std::string& anchor, double size,
                     const std::string& extra) {
  body_ += fmt::format(R"(<text x="{}" y="{}" text-anchor="{}" font-size="{}"{}>{}</text>)", px(x), px(y), anchor,
                       svg_number(size, 1), extra.empty() ? "" : " " + extra, svg_escape(content));
  body_ += "\n";
}

void SvgCanvas::x_axis(const LinearScale& scale, const std::vector<double>& ticks, const std::string& label,
                       bool integers) {
  line(left(), bottom(), right(), bottom(), "#333");
  for (double tick : ticks) {
    double x = scale(tick);
    line(x, bottom(), x, bottom() + 4, "#333");
    text(x, bottom() + 16, integers ? fmt::format("{}", std::lround(tick)) : svg_number(tick), "middle");
  }
  text((left() + right()) / 2, bottom() + 36, label, "middle", 12, R"(class="axis-label")");
}

void SvgCanvas::y_axis(const LinearScale& scale, const std::vector<double>& ticks, const std::string& label) {
  line(left(), top(), left(), bottom(), "#333");
  for (double tick : ticks) {
    double y = scale(tick);
    line(left() - 4, y, right(), y, tick == ticks.front() ? "#333" : "#e4e4e4");
    text(left() - 7, y + 4, svg_number(tick), "end");
  }
  double middle = (top() + bottom()) / 2;
  text(16, middle, label, "middle", 12,
       fmt::format(R"x(class="axis-label" transform="rotate(-90 16 {})")x", px(middle)));
}

void SvgCanvas::x_categories(const std::vector<double>& centres, const std::vector<std::string>& labels,
                             const std::string& label) {
  line(left(), bottom(), right(), bottom(), "#333");
  for (size_t i = 0; i < centres.size() && i < labels.size(); ++i) text(centres[i], bottom() + 16, labels[i], "middle");
  text((left() + right()) / 2, bottom() + 36, label, "middle", 12, R"(class="axis-label")");
}

void SvgCanvas::legend(const std::vector<std::string>& names, const std::vector<std::string>& colours) {
  double x = right() + 16, y = top() + 4;
  for (size_t i = 0; i < names.size(); ++i, y += 18) {
    rect(x, y, 12, 12, colours[i]);
    text(x + 18, y + 10, names[i]);
  }
}

std::string SvgCanvas::str() const {
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {0} {1}" width="{0}" height="{1}" font-family="sans-serif">)"
      "\n<title>{2}</title>\n"
      R"(<text x="{3}" y="22" font-size="15" font-weight="bold" class="chart-title">{2}</text>)"
      "\n{4}</svg>\n",
      px(width_), px(height_), svg_escape(title_), px(left()), body_);
}

}  // namespace tengerim
