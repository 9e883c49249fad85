#pragma once
// An option whose value breaks its rule. It carries the option's key so that
// each front end names it in its own spelling (`--draws` on the CLI, `draws`
// over HTTP and in Python, `risk.draws` in a sweep plan); what() uses the key.
#include <string>

#include "common/Error.h"

namespace tengerim {

class OptionError : public Error {
 public:
  // `shown` is the value as given ("" when the problem is not about a value, e.g. a missing option).
  OptionError(std::string key, std::string shown, std::string rule);

  const std::string& key() const { return key_; }
  // The message with the front end's spelling of the key (on the CLI: dash-dash draws = -5: ...).
  std::string message_for(const std::string& spelling) const;

 private:
  std::string key_, shown_, rule_;
};

[[noreturn]] void fail_option(const std::string& key, const std::string& shown, const std::string& rule);

}  // namespace tengerim
