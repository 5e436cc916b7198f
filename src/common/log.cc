#include "common/log.h"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "common/redact.h"

namespace dealwatch {

namespace {
std::atomic<LogLevel> g_level{LogLevel::kWarn};
std::atomic<LogFormat> g_format{LogFormat::kText};
std::mutex g_mutex;

const char* LevelName(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
    case LogLevel::kQuiet: return "quiet";
  }
  return "?";
}
}  // namespace

void SetLogLevel(LogLevel level) { g_level = level; }
void SetLogFormat(LogFormat format) { g_format = format; }
LogLevel GetLogLevel() { return g_level; }

std::string UtcNowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

void Log(LogLevel level, std::string_view area, std::string_view message) {
  if (level < g_level.load() || level == LogLevel::kQuiet) return;
  // Every URL a message names (a source's feed with ?token=..., a page)
  // is written down redacted, whoever logged it.
  std::string redacted;
  if (message.find("://") != std::string_view::npos) {
    redacted = RedactUrls(message);
    message = redacted;
  }
  std::string line;
  if (g_format.load() == LogFormat::kJson) {
    line = "{\"ts\":\"" + UtcNowIso() + "\",\"level\":\"" + LevelName(level) + "\",\"area\":\"" +
           JsonEscape(area) + "\",\"msg\":\"" + JsonEscape(message) + "\"}\n";
  } else {
    line = UtcNowIso() + " " + LevelName(level) + " " + std::string(area) + ": " + std::string(message) + "\n";
  }
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace dealwatch
