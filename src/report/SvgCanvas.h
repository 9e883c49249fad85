#pragma once
// A small SVG writer for the engine's charts: plot frame, linear scales with
// rounded ticks, and escaped text. Charts (SvgCharts.h) draw on it; it knows
// nothing about the model. Output is deterministic (fixed number formatting).
#include <string>
#include <string_view>
#include <vector>

namespace tengerim {

// Escapes &, <, >, " and ' for text and attribute values.
std::string svg_escape(std::string_view text);
// Evenly spaced round values (steps of 1, 2 or 5 x 10^k, about `count` of them) from the
// largest at or below `low` to the smallest at or above `high`.
std::vector<double> nice_ticks(double low, double high, int count = 5);
// A number as a chart label: no trailing zeros, at most `digits` decimals.
std::string svg_number(double value, int digits = 3);

// Maps a data interval onto a pixel interval (either may be reversed).
struct LinearScale {
  double domain_low = 0, domain_high = 1;
  double pixel_low = 0, pixel_high = 1;
  double operator()(double value) const;
};

// The eight colours charts give series, in order; chosen to stay apart for
// common colour-vision deficiencies (Okabe-Ito).
const std::string& series_colour(size_t index);

class SvgCanvas {
 public:
  // Plot area inside margins that leave room for the title, axis labels and legend.
  SvgCanvas(double width, double height, std::string title);

  double left() const { return 64; }
  double right() const { return width_ - 150; }  // the legend sits to the right
  double top() const { return 40; }
  double bottom() const { return height_ - 48; }

  void rect(double x, double y, double w, double h, const std::string& fill, const std::string& tooltip = "");
  void line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1,
            const std::string& dash = "");
  void polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke, double width = 2);
  void circle(double x, double y, double r, const std::string& fill, const std::string& tooltip = "");
  // A filled, translucent polygon (an uncertainty band).
  void polygon(const std::vector<std::pair<double, double>>& points, const std::string& fill, double opacity,
               const std::string& tooltip = "");
  // anchor: start | middle | end
  void text(double x, double y, std::string_view content, const std::string& anchor = "start", double size = 11,
            const std::string& extra = "");
  // Axis titles (with units) and tick labels along the plot area's bottom and left edges.
  void x_axis(const LinearScale& scale, const std::vector<double>& ticks, const std::string& label,
              bool integers = false);
  void y_axis(const LinearScale& scale, const std::vector<double>& ticks, const std::string& label);
  // Categorical x axis: one label under each of `centres`.
  void x_categories(const std::vector<double>& centres, const std::vector<std::string>& labels,
                    const std::string& label);
  void legend(const std::vector<std::string>& names, const std::vector<std::string>& colours);
  void raw(const std::string& element) { body_ += element; }

  // The finished <svg> element; role="img" and <title> for screen readers.
  std::string str() const;

 private:
  double width_, height_;
  std::string title_;
  std::string body_;
};

}  // namespace tengerim
