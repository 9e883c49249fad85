#pragma once
// What `tengerim atlas` tells the user on stderr once the CSV is written.
#include <map>
#include <string>

namespace tengerim {

struct AtlasTally {
  size_t countries = 0;
  size_t rows = 0;
  int first_year = 0;
  int last_year = 0;
};

std::string atlas_text(const AtlasTally& tally, const std::string& written_to,
                       const std::map<std::string, long>& unmatched);

}  // namespace tengerim
