#pragma once
// Tells whether the client of a request has gone (closed its connection), so
// that a long run for nobody stops. Debian 12's cpp-httplib (0.11) does not
// hand a handler its socket, so the socket is found once by its peer address
// among the process's open sockets (Linux: /proc/self/fd) and then polled.
#include <string>

namespace tengerim {

class ClientWatch {
 public:
  ClientWatch(std::string remote_address, int remote_port);
  // True once the peer has closed (or reset) the connection; false while it is there or unknown.
  bool gone();

 private:
  bool find_socket();
  std::string address_;
  int port_;
  int socket_ = -1;
  bool searched_ = false;
};

}  // namespace tengerim
