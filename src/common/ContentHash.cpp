#include "common/ContentHash.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <cstdint>

#include "common/Error.h"

namespace tengerim {

struct ContentHash::Impl {
  EVP_MD_CTX* context = nullptr;
};

ContentHash::ContentHash() : impl_(new Impl) {
  impl_->context = EVP_MD_CTX_new();
  if (!impl_->context || EVP_DigestInit_ex(impl_->context, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(impl_->context);
    delete impl_;
    throw Error(ErrorKind::Internal, {}, "SHA-256 is not available from OpenSSL");
  }
}

ContentHash::~ContentHash() {
  EVP_MD_CTX_free(impl_->context);
  delete impl_;
}

void ContentHash::update(std::string_view bytes) {
  if (EVP_DigestUpdate(impl_->context, bytes.data(), bytes.size()) != 1)
    throw Error(ErrorKind::Internal, {}, "SHA-256 update failed");
}

void ContentHash::add(std::string_view name, std::string_view content) {
  update(fmt::format("{}:{}\n", name, content.size()));
  update(content);
}

std::string ContentHash::finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(impl_->context, digest, &length) != 1) throw Error(ErrorKind::Internal, {}, "SHA-256 final failed");
  std::string out = "sha256:";
  for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

}  // namespace tengerim
