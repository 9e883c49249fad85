#pragma once
// A content hash (SHA-256, OpenSSL) over named texts, so a run records exactly
// which model files it read: the same files give the same hash on any machine.
#include <string>
#include <string_view>

namespace tengerim {

class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  // Adds one named text; names and lengths are hashed too, so files cannot run into each other.
  void add(std::string_view name, std::string_view content);
  // "sha256:" and 64 hex digits. Call once.
  std::string finish();

 private:
  void update(std::string_view bytes);
  struct Impl;
  Impl* impl_;
};

}  // namespace tengerim
