#include "run/ModelSnapshot.h"

#include "common/ContentHash.h"

namespace tengerim {

std::string model_content_hash(const ModelSource& source) {
  ContentHash hash;
  for (const auto& name : source.file_names())
    if (auto text = source.read(name)) hash.add(name, *text);
  return hash.finish();
}

}  // namespace tengerim
