#pragma once
// Which direction each partner belongs to (directly or through a bloc),
// computed once per model: measures ask for it per row, so it must be a lookup.
#include <string>
#include <unordered_map>

#include "model/Model.h"

namespace tengerim {

class DirectionIndex {
 public:
  explicit DirectionIndex(const Model& model);
  // The direction id, or "" when the partner is in no direction ("other").
  const std::string& of(const std::string& partner) const;

 private:
  std::unordered_map<std::string, std::string> direction_of_;
  std::string none_;
};

}  // namespace tengerim
