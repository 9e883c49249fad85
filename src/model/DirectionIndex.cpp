#include "model/DirectionIndex.h"

namespace tengerim {

DirectionIndex::DirectionIndex(const Model& model) {
  for (const auto& direction : model.directions)
    for (const auto& member : direction.members) {
      direction_of_[member] = direction.id;
      for (const auto& bloc : model.blocs)
        if (bloc.id == member)
          for (const auto& country : bloc.members) direction_of_[country] = direction.id;
    }
}

const std::string& DirectionIndex::of(const std::string& partner) const {
  auto found = direction_of_.find(partner);
  return found == direction_of_.end() ? none_ : found->second;
}

}  // namespace tengerim
