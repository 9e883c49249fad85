#include "ServeSoak.h"

#include <httplib.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "run/Pipeline.h"
#include "serve/ApiService.h"
#include "serve/WebServer.h"

namespace tengerim::testing {
namespace {

using Clock = std::chrono::steady_clock;

struct Request {
  std::string method, path, body;
  bool valid = false;  // must get an HTTP answer (not lost at the transport)
};

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// One request of the mix, from a per-connection generator.
Request pick(std::mt19937& rng) {
  auto draws = [&] { return std::to_string(100 + rng() % 2000); };
  switch (rng() % 20) {
    case 0: return {"GET", "/api/meta", "", true};
    case 1: return {"GET", "/api/report?year=" + std::to_string(2015 + rng() % 10), "", true};
    case 2: return {"POST", "/api/risk", "{\"draws\": " + draws() + "}", true};
    case 3: return {"POST", "/api/shock", R"({"scenario": "cpc-halt"})", true};
    case 4: return {"POST", "/api/simulate", "{\"horizon\": " + std::to_string(1 + rng() % 5) + "}", true};
    case 5: return {"POST", "/api/report", R"({"scale": [{"domain": "imports", "partner": "CHN", "factor": 1.5}]})", true};
    case 6: return {"POST", "/api/risk", "{\"draws\": " + draws() + ", \"close\": [\"cpc\"]}", true};
    // Malformed.
    case 7: return {"POST", "/api/shock", "{\"scenario\": ", true};
    case 8: return {"POST", "/api/risk", R"({"draws": "many"})", true};
    case 9: return {"POST", "/api/risk", R"({"nothing": 1})", true};
    case 10: return {"POST", "/api/simulate", "[1, 2, 3]", true};
    case 11: {
      std::string bytes(64 + rng() % 512, ' ');
      for (auto& c : bytes) c = static_cast<char>(rng() % 256);
      return {"POST", "/api/shock", bytes, true};
    }
    case 12: return {"POST", "/api/shock", "{\"scenario\": \"\xff\xfe\xc0\"}", true};
    case 13: return {"GET", "/api/report?year=abc&year=2020", "", true};
    // Hostile.
    case 14: return {"POST", "/api/report", "{\"scale\": " + nested(200000) + "}", true};
    case 15: return {"POST", "/api/shock", "{\"shocks\": [" + std::string(20000, '{') + "}", true};
    case 16: {
      std::string ids = "{\"close\": [";
      for (int i = 0; i < 5000; ++i) ids += "\"e\",";
      return {"POST", "/api/risk", ids + "\"e\"]}", true};
    }
    case 17: return {"POST", "/api/risk", std::string((1 << 20) + 1, ' '), false};  // 413, connection may close
    case 18: return {"GET", "/api/report?year=" + std::string(10000, '9'), "", false};  // 414
    default: return {"GET", "/api/nothing/" + std::string(rng() % 100, 'x'), "", true};
  }
}

// Raw-socket abuse: a request cut short, a garbage request line, a body shorter than
// its Content-Length, a slow client; none may upset the server.
void raw_abuse(int port, std::mt19937& rng, long io_timeout_ms) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return;
  }
  std::string text;
  switch (rng() % 4) {
    case 0: text = "POST /api/risk HTTP/1.1\r\nHost: x\r\nContent-Le"; break;
    case 1: text = "\x16\x03\x01\x02\x00garbage\r\n\r\n"; break;
    case 2: text = "POST /api/risk HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"draws\":"; break;
    default: text = "GET /api/meta HTTP/1.1\r\nHost: x\r\n"; break;  // and then silence
  }
  (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
  if (rng() % 8 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(io_timeout_ms + 100));
  ::close(fd);
}

bool documented_503(const std::string& body) {
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.contains("error")) return false;
  const auto kind = json["error"].value("kind", "");
  return kind == "busy" || kind == "time_limit";
}

}  // namespace

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

SoakResult run_soak(const SoakPlan& plan) {
  ServeOptions options;
  options.port = 0;
  options.io_timeout_ms = plan.io_timeout_ms;
  options.max_draws = plan.max_draws;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  WebServer server(api, options);
  const int port = server.bind();
  std::thread serving([&] { server.run(); });
  {
    httplib::Client probe("127.0.0.1", port);
    for (int i = 0; i < 200 && !probe.Get("/api/meta"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  SoakResult result;
  result.rss_start_kib = result.rss_peak_kib = resident_kib();
  std::mutex mutex;
  std::atomic<size_t> sent{0};
  std::atomic<bool> done{false};
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration<double>(plan.seconds);
  auto record = [&](int status, const std::string& unexpected) {
    std::lock_guard lock(mutex);
    ++result.requests;
    ++result.statuses[status];
    if (!unexpected.empty() && result.unexpected++ == 0) result.first_unexpected = unexpected;
  };
  std::thread memory([&] {
    while (!done) {
      const long rss = resident_kib();
      {
        std::lock_guard lock(mutex);
        result.rss_peak_kib = std::max(result.rss_peak_kib, rss);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  std::vector<std::thread> clients;
  for (size_t c = 0; c < plan.connections; ++c)
    clients.emplace_back([&, c] {
      std::mt19937 rng(plan.seed * 1000003u + static_cast<unsigned>(c));
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_read_timeout(std::chrono::seconds(30));
      while (Clock::now() < end && sent.fetch_add(1) < plan.requests) {
        if (rng() % 25 == 0) {
          raw_abuse(port, rng, plan.io_timeout_ms);
          record(0, "");
          continue;
        }
        const Request request = pick(rng);
        httplib::Result answer = request.method == "GET"
                                     ? client.Get(request.path)
                                     : client.Post(request.path, request.body, "application/json");
        if (!answer && request.valid) answer = request.method == "GET"  // a keep-alive the server just closed
                                                   ? client.Get(request.path)
                                                   : client.Post(request.path, request.body, "application/json");
        if (!answer) {
          record(-1, request.valid ? request.method + " " + request.path.substr(0, 80) + ": no answer (" +
                                         httplib::to_string(answer.error()) + ")"
                                   : "");
          continue;
        }
        const int status = answer->status;
        std::string unexpected;
        if (status >= 500 && !(status == 503 && documented_503(answer->body)))
          unexpected = request.method + " " + request.path.substr(0, 80) + ": " + std::to_string(status) + " " +
                       answer->body.substr(0, 200);
        else if (status >= 400 && nlohmann::json::parse(answer->body, nullptr, false).is_discarded())
          unexpected = request.method + " " + request.path.substr(0, 80) + ": a non-JSON error body";
        record(status, unexpected);
      }
    });
  for (auto& client : clients) client.join();
  done = true;
  memory.join();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  server.stop();
  serving.join();
  return result;
}

}  // namespace tengerim::testing
