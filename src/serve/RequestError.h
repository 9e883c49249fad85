#pragma once
// A request the API refuses, with the HTTP status and error kind to answer
// with and, when it is about one, the request's field; thrown inside handlers
// and turned into a JSON body at the boundary.
#include <stdexcept>
#include <string>

namespace tengerim {

class RequestError : public std::runtime_error {
 public:
  RequestError(int status, std::string kind, const std::string& message, std::string field = "")
      : std::runtime_error(message), status_(status), kind_(std::move(kind)), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& kind() const { return kind_; }
  const std::string& field() const { return field_; }

 private:
  int status_;
  std::string kind_;
  std::string field_;
};

// 422 "invalid_input": well-formed JSON whose content the engine rejects.
[[noreturn]] inline void reject(const std::string& message, const std::string& field = "") {
  throw RequestError(422, "invalid_input", message, field);
}

}  // namespace tengerim
