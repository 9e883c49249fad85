#pragma once
// A number that is a modelling judgement rather than an observation: it
// carries the range a sensitivity run varies it over and the reason for it.
#include <string>

namespace tengerim {

struct Judgement {
  double value = 0;
  double low = 0;   // lower end of the plausible range (sensitivity runs)
  double high = 0;  // upper end
  std::string rationale;
};

}  // namespace tengerim
