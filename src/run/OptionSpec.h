#pragma once
// The declaration of one run option: every front end
// (CLI flags and --help, the HTTP API's fields, GET /api/options, the Python
// keywords, sweep plans, docs/options.md) is derived from these declarations
// in run/OptionRegistry.cpp; nothing else declares, defaults or checks an option.
#include <cstdint>
#include <string>
#include <string_view>

namespace tengerim {

enum class OptionType {
  Flag,        // true when given
  Integer,     // whole number within [min, max]
  Number,      // finite number within [min, max]
  Numbers,     // one or more numbers, each within [min, max]
  Integers,    // one or more whole numbers (e.g. two years), each within [min, max]
  Text,        // free text (a path, a name, a reference)
  Texts,       // one or more texts (e.g. several input files)
  Choice,      // one of `choices`
  Seed,        // unsigned 64-bit integer
};

// Which front ends offer an option (bits).
enum FrontEnd : unsigned {
  kCli = 1u << 0,
  kHttp = 1u << 1,
  kPython = 1u << 2,
  kSweep = 1u << 3,
  kEngine = kCli | kPython | kSweep,   // everywhere but the server (e.g. file paths)
  kEverywhere = kCli | kHttp | kPython | kSweep,
};

struct OptionSpec {
  const char* key;          // "risk.draws": scope (a command or a shared group) and name
  OptionType type;
  const char* default_value;  // as text; "" = unset (no value unless given)
  const char* unit;         // "draws", "years", "" when none
  const char* range;        // numbers: "[1, 1e9]", "(0, 1)", "[0, inf)"; "" when any value goes
  const char* choices;      // Choice: the allowed values, '|'-separated; for numbers, words that
                            // mean "unset" (e.g. "none" for "no budget")
  const char* doc;          // one line
  unsigned front_ends;      // FrontEnd bits
  bool positional = false;  // on the CLI an argument, not a flag
  bool required = false;    // the run cannot start without it
  size_t count = 0;         // Numbers/Texts with a fixed count (e.g. two years); 0 = one or more
  bool delivery = false;    // how a result is delivered (threads, file, format), never what it is:
                            // kept out of the document's summary, so such runs compare equal
  const char* items = "";   // names an item (run/ItemReference.h): "scenario", "policy", "issue"

  std::string_view scope() const;  // "risk", or a shared group: "run", "output"
  std::string_view name() const;   // "draws"
  bool offered_on(FrontEnd front_end) const { return (front_ends & front_end) != 0; }
};

const char* to_string(OptionType type);

}  // namespace tengerim
