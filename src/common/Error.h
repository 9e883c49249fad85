#pragma once
// The small set of error kinds every layer throws; the CLI turns them into
// a message and an exit status, the HTTP API into a JSON error (4xx for bad
// input).
#include <stdexcept>
#include <string>

namespace tengerim {

enum class ErrorKind {
  InvalidInput,  // a malformed or inconsistent input file or option
  InvalidModel,  // a model that parses but breaks a modelling rule
  Io,            // a file that cannot be read or written
  Internal       // a bug: should never be reachable from user input
};

const char* to_string(ErrorKind kind);

// Where in an input the problem is. Empty file means "not about a file";
// line 0 means "the whole file"; empty field means "the whole line".
struct Location {
  std::string file;
  long line = 0;
  std::string field;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Location where, const std::string& what_is_wrong);

  ErrorKind kind() const { return kind_; }
  const Location& where() const { return where_; }
  // The message without the location prefix.
  const std::string& detail() const { return detail_; }

 private:
  ErrorKind kind_;
  Location where_;
  std::string detail_;
};

// Shorthands for the common cases.
[[noreturn]] void fail_input(const Location& where, const std::string& message);
[[noreturn]] void fail_model(const Location& where, const std::string& message);
[[noreturn]] void fail_io(const std::string& file, const std::string& message);

}  // namespace tengerim
