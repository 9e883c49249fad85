#pragma once
// A request the API refuses, with the HTTP status and error kind to answer
// with; thrown inside handlers and turned into a JSON body at the boundary.
#include <stdexcept>
#include <string>

namespace tengerim {

class RequestError : public std::runtime_error {
 public:
  RequestError(int status, std::string kind, const std::string& message)
      : std::runtime_error(message), status_(status), kind_(std::move(kind)) {}
  int status() const { return status_; }
  const std::string& kind() const { return kind_; }

 private:
  int status_;
  std::string kind_;
};

// 422 "invalid_input": well-formed JSON whose content the engine rejects.
[[noreturn]] inline void reject(const std::string& message) { throw RequestError(422, "invalid_input", message); }

}  // namespace tengerim
