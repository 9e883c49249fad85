#include "serve/ClientWatch.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tengerim {
namespace {

// A loopback TCP connection: the server side stays open in this process, as in the web server.
struct Connection {
  int listener = -1, client = -1, server = -1;
  int client_port = 0;
  Connection() {
    listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    EXPECT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    EXPECT_EQ(::listen(listener, 1), 0);
    EXPECT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    client = ::socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_EQ(::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    server = ::accept(listener, nullptr, nullptr);
    sockaddr_in mine{};
    length = sizeof(mine);
    EXPECT_EQ(::getsockname(client, reinterpret_cast<sockaddr*>(&mine), &length), 0);
    client_port = ntohs(mine.sin_port);
  }
  ~Connection() {
    for (int fd : {listener, client, server})
      if (fd >= 0) ::close(fd);
  }
};

TEST(ClientWatch, SeesTheClientCloseItsConnection) {
  Connection connection;
  ClientWatch watch("127.0.0.1", connection.client_port);
  EXPECT_FALSE(watch.gone());
  ::close(connection.client);
  connection.client = -1;
  EXPECT_TRUE(watch.gone());
}

TEST(ClientWatch, AClientThatSendsMoreIsStillThere) {
  Connection connection;
  ClientWatch watch("127.0.0.1", connection.client_port);
  ASSERT_EQ(::write(connection.client, "GET", 3), 3);  // a pipelined request
  EXPECT_FALSE(watch.gone());
}

TEST(ClientWatch, AnUnknownPeerIsNeverGone) {
  ClientWatch watch("127.0.0.1", 1);  // no such connection: nothing to stop
  EXPECT_FALSE(watch.gone());
}

}  // namespace
}  // namespace tengerim
