#pragma once
// What every fuzz target shares: the built-in model loaded once, and the rule
// that a refused input throws tengerim's Error (caught here) while anything else
// (another exception, a crash, undefined behaviour, a 5xx) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "common/Error.h"
#include "run/ModelSnapshot.h"
#include "run/Pipeline.h"

namespace tengerim::fuzz {

inline const ModelSnapshot& builtin() {
  static const std::shared_ptr<const ModelSnapshot> snapshot = Pipeline::load_snapshot("builtin:kaz");
  return *snapshot;
}

inline std::string text_of(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

// Runs `read`; tengerim's Error is the expected way to refuse an input, except an
// Internal one (a bug the input reached: the CLI would not exit 2 with it).
template <typename Read>
void refuse_with_error(Read&& read) {
  try {
    read();
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::Internal) {
      std::fprintf(stderr, "internal error: %s\n", error.what());
      std::abort();
    }
  }
}

}  // namespace tengerim::fuzz
