#include "common/OptionError.h"

namespace tengerim {
namespace {

std::string compose(const std::string& name, const std::string& shown, const std::string& rule) {
  return shown.empty() ? name + ": " + rule : name + " = " + shown + ": " + rule;
}

}  // namespace

OptionError::OptionError(std::string key, std::string shown, std::string rule)
    : Error(ErrorKind::InvalidInput, {}, compose(key, shown, rule)),
      key_(std::move(key)),
      shown_(std::move(shown)),
      rule_(std::move(rule)) {}

std::string OptionError::message_for(const std::string& spelling) const { return compose(spelling, shown_, rule_); }

void fail_option(const std::string& key, const std::string& shown, const std::string& rule) {
  throw OptionError(key, shown, rule);
}

}  // namespace tengerim
