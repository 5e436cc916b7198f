#include "common/files.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <unistd.h>

namespace dealwatch {

namespace {

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

Result<std::string> ReadStream(FILE* f, const std::string& name, size_t max_bytes) {
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes)
      return DataError(name + ": larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (std::ferror(f)) return Unavailable(name + ": read error: " + std::strerror(errno));
  return data;
}

}  // namespace

bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view data, size_t max_bytes, bool* too_large) {
  if (too_large) *too_large = false;
  z_stream zs{};
  // 15 + 32: accept both gzip and zlib headers.
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Internal("inflateInit2 failed");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      return DataError(std::string("corrupt gzip data") + (zs.msg ? std::string(" (") + zs.msg + ")" : ""));
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      if (too_large) *too_large = true;
      return DataError("gzip data expands beyond " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) return DataError("truncated gzip data");
  }
  return out;
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) return NotFound(path.string() + ": " + std::strerror(errno));
  return ReadStream(f.get(), path.string(), kMaxInputBytes);
}

Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  Result<std::string> raw = [&]() -> Result<std::string> {
    if (path == "-") return ReadStream(stdin, "<stdin>", max_bytes);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return InvalidArgument(path + ": is a directory");
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) return NotFound(path + ": " + std::strerror(errno));
    return ReadStream(f.get(), path, max_bytes);
  }();
  if (!raw.ok() || !LooksGzipped(*raw)) return raw;
  Result<std::string> inflated = Gunzip(*raw, max_bytes);
  if (!inflated.ok()) return inflated.status().WithContext(path);
  return inflated;
}

Status WriteFileAtomic(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    FilePtr f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return Unavailable(tmp.string() + ": " + std::strerror(errno));
    if (std::fwrite(data.data(), 1, data.size(), f.get()) != data.size() || std::fflush(f.get()) != 0) {
      std::remove(tmp.c_str());
      return Unavailable(path.string() + ": write failed: " + std::strerror(errno));
    }
    ::fsync(::fileno(f.get()));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Unavailable(path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace dealwatch
