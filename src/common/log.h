// Process-wide event log on standard error: one line per event, as text
// ("2026-11-27T19:40:02Z warn crawl: https://x/: HTTP 503") or as JSON
// objects ({"ts":...,"level":"warn","area":"crawl","msg":...}).
// URLs in messages are written with credentials redacted (common/redact.h).
// Thread-safe: lines from several threads never interleave.
#ifndef DEALWATCH_COMMON_LOG_H_
#define DEALWATCH_COMMON_LOG_H_

#include <string>
#include <string_view>

namespace dealwatch {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kQuiet = 4 };
enum class LogFormat { kText, kJson };

// Events below `level` are dropped. Defaults: kWarn, kText.
void SetLogLevel(LogLevel level);
void SetLogFormat(LogFormat format);
LogLevel GetLogLevel();

void Log(LogLevel level, std::string_view area, std::string_view message);
inline void LogDebug(std::string_view area, std::string_view m) { Log(LogLevel::kDebug, area, m); }
inline void LogInfo(std::string_view area, std::string_view m) { Log(LogLevel::kInfo, area, m); }
inline void LogWarn(std::string_view area, std::string_view m) { Log(LogLevel::kWarn, area, m); }
inline void LogError(std::string_view area, std::string_view m) { Log(LogLevel::kError, area, m); }

// Current UTC time as "2026-11-27T19:40:02Z".
std::string UtcNowIso();

// Escapes `s` as the inside of a JSON string (no surrounding quotes).
std::string JsonEscape(std::string_view s);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_LOG_H_
