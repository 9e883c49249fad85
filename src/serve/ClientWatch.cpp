#include "serve/ClientWatch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>

namespace tengerim {
namespace {

// The peer of socket `fd` as "address", port; false when it is not a connected IP socket.
bool peer_of(int fd, std::string& address, int& port) {
  sockaddr_storage peer{};
  socklen_t length = sizeof(peer);
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) return false;
  char text[INET6_ADDRSTRLEN] = {};
  if (peer.ss_family == AF_INET) {
    const auto* ip = reinterpret_cast<const sockaddr_in*>(&peer);
    ::inet_ntop(AF_INET, &ip->sin_addr, text, sizeof(text));
    port = ntohs(ip->sin_port);
  } else if (peer.ss_family == AF_INET6) {
    const auto* ip = reinterpret_cast<const sockaddr_in6*>(&peer);
    ::inet_ntop(AF_INET6, &ip->sin6_addr, text, sizeof(text));
    port = ntohs(ip->sin6_port);
  } else {
    return false;
  }
  address = text;
  return true;
}

}  // namespace

ClientWatch::ClientWatch(std::string remote_address, int remote_port)
    : address_(std::move(remote_address)), port_(remote_port) {}

bool ClientWatch::find_socket() {
  searched_ = true;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    int fd = -1;
    try {
      fd = std::stoi(it->path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) continue;
    std::string address;
    int port = 0;
    if (peer_of(fd, address, port) && port == port_ && address == address_) {
      socket_ = fd;
      return true;
    }
  }
  return false;
}

bool ClientWatch::gone() {
  if (socket_ < 0 && (searched_ || !find_socket())) return false;
  // The descriptor may have been closed and reused since: check that it is still this client.
  std::string address;
  int port = 0;
  if (!peer_of(socket_, address, port) || port != port_ || address != address_) return true;
  pollfd watch{socket_, POLLIN | POLLRDHUP, 0};
  if (::poll(&watch, 1, 0) <= 0) return false;
  if (watch.revents & (POLLRDHUP | POLLHUP | POLLERR)) return true;
  char byte = 0;
  // Readable: more data (a pipelined request) means the client is there; 0 bytes means it closed.
  return ::recv(socket_, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

}  // namespace tengerim
