#include "common/Error.h"

namespace tengerim {
namespace {

std::string format_message(const Location& where, const std::string& detail) {
  std::string prefix;
  if (!where.file.empty()) {
    prefix = where.file;
    if (where.line > 0) prefix += ":" + std::to_string(where.line);
    if (!where.field.empty()) prefix += ": field '" + where.field + "'";
    prefix += ": ";
  } else if (!where.field.empty()) {
    prefix = where.field + ": ";
  }
  return prefix + detail;
}

}  // namespace

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidInput: return "invalid_input";
    case ErrorKind::InvalidModel: return "invalid_model";
    case ErrorKind::Io: return "io";
    case ErrorKind::Internal: return "internal";
  }
  return "internal";
}

Error::Error(ErrorKind kind, Location where, const std::string& what_is_wrong)
    : std::runtime_error(format_message(where, what_is_wrong)),
      kind_(kind),
      where_(std::move(where)),
      detail_(what_is_wrong) {}

void fail_input(const Location& where, const std::string& message) {
  throw Error(ErrorKind::InvalidInput, where, message);
}

void fail_model(const Location& where, const std::string& message) {
  throw Error(ErrorKind::InvalidModel, where, message);
}

void fail_io(const std::string& file, const std::string& message) {
  throw Error(ErrorKind::Io, Location{file, 0, ""}, message);
}

}  // namespace tengerim
