#pragma once
// A numeric option's valid range, read from its declaration ("[1, 1e9]",
// "(0, 1)", "[0, inf)"), with the rule a message states.
#include <string>

namespace tengerim {

struct OptionRange {
  double low = 0, high = 0;
  bool low_open = false, high_open = false;
  bool bounded = false;  // false: any finite value

  static OptionRange parse(const char* text);  // fails (internal) on a malformed declaration
  bool contains(double value) const;
  std::string text() const;  // as declared, normalised: "[1, 1000000000]"
};

}  // namespace tengerim
