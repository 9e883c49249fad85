#pragma once
// A focal policy for `tengerim simulate` (docs/model.md §5): the path of the
// focal state's ties over the years. A tilt toward a direction moves, in every
// domain, a fraction of each other direction's share to it, `per_year` more
// each year until `tilt` is reached; no `toward` is the status-quo path.
#include <string>

namespace tengerim {

struct Policy {
  std::string name;
  std::string file;         // for messages
  std::string description;
  std::string toward;       // a model direction; empty: hold the status quo
  double tilt = 0;          // in [0, 1]: the fraction of the other directions' shares moved at full tilt
  double per_year = 0;      // in (0, 1]: how much of that fraction is added each year
};

}  // namespace tengerim
