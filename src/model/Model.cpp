#include "model/Model.h"

#include <algorithm>

namespace tengerim {

const Domain* Model::find_domain(const std::string& id) const {
  for (const auto& domain : domains)
    if (domain.id == id) return &domain;
  return nullptr;
}

const Direction* Model::find_direction(const std::string& id) const {
  for (const auto& direction : directions)
    if (direction.id == id) return &direction;
  return nullptr;
}

std::string Model::direction_of(const std::string& partner) const {
  for (const auto& direction : directions) {
    for (const auto& member : direction.members) {
      if (member == partner) return direction.id;
      for (const auto& bloc : blocs)
        if (bloc.id == member &&
            std::find(bloc.members.begin(), bloc.members.end(), partner) != bloc.members.end())
          return direction.id;
    }
  }
  return {};
}


}  // namespace tengerim
