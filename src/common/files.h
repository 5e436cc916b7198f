// Reading and writing whole files. Gzip-compressed input (a ".gz" name or
// the gzip magic bytes) is inflated transparently, with a size cap so a
// small bomb cannot exhaust memory.
#ifndef DEALWATCH_COMMON_FILES_H_
#define DEALWATCH_COMMON_FILES_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dealwatch {

inline constexpr size_t kMaxInputBytes = 64u << 20;  // 64 MiB after inflating

// Reads `path` ("-" is standard input), inflating gzip data. Errors name the
// path: "x.txt: No such file or directory", "y.gz: corrupt gzip data".
Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes = kMaxInputBytes);

// Reads a plain file with no inflation.
Result<std::string> ReadFile(const std::filesystem::path& path);

// Writes `data` to a temporary file beside `path` and renames it over
// `path`, so readers never see a half-written file.
Status WriteFileAtomic(const std::filesystem::path& path, std::string_view data);

// True when `data` starts with the gzip magic bytes.
bool LooksGzipped(std::string_view data);

// Inflates gzip or zlib data. Fails with kDataError on corrupt data and when
// the output would exceed `max_bytes`; `*too_large` (may be null) tells the
// second case. Inflation stops within 64 KiB of passing the limit.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes, bool* too_large = nullptr);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_FILES_H_
