#pragma once
// Bounds on a JSON request body, checked by a flat scan of its bytes BEFORE it
// is parsed: nesting depth (the parser and everything after it, dump() and the
// what-if conversion, recurse once per level, so a body of a million '[' would
// overflow the stack), string length, items per array or object, and values in
// all. A body within the bounds may still be invalid JSON: the parser says so.
#include <cstddef>
#include <string_view>

namespace tengerim {

struct JsonLimits {
  size_t max_depth = 32;        // nested arrays and objects
  size_t max_string = 8192;     // bytes in one string (names, ids, a list of levels)
  size_t max_items = 4096;      // elements of one array or members of one object
  size_t max_values = 65536;    // values in the whole body
};

// Throws RequestError (400, "limit_exceeded") naming the limit and where it was passed.
void check_json_limits(std::string_view text, const JsonLimits& limits = {});

}  // namespace tengerim
