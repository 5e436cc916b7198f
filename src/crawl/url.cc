#include "crawl/url.h"

#include <array>
#include <string>

#include "common/redact.h"
#include "common/strings.h"
#include "crawl/curl_handles.h"

namespace dealwatch {

namespace {

constexpr unsigned kSetFlags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE | CURLU_ALLOW_SPACE;

constexpr std::array<std::string_view, 21> kTrackingParams = {
    "fbclid", "gclid",  "gclsrc",   "dclid",      "gbraid",     "wbraid",  "msclkid",
    "mc_cid", "mc_eid", "yclid",    "_ga",        "_gl",        "_hsenc",  "_hsmi",
    "igshid", "twclid", "ttclid",   "mkt_tok",    "oly_anon_id", "oly_enc_id", "vero_id"};

// Returns the part, or "" when it is absent.
std::string GetPart(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(u, part, &raw, flags) != CURLUE_OK) return "";
  CurlStringPtr owned(raw);
  return raw ? std::string(raw) : std::string();
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// "%c3%a9" -> "%C3%A9", so one resource has one spelling.
std::string UpperEscapes(std::string s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '%' && IsHexDigit(s[i + 1]) && IsHexDigit(s[i + 2])) {
      for (size_t j = i + 1; j <= i + 2; ++j) {
        if (s[j] >= 'a' && s[j] <= 'f') s[j] = static_cast<char>(s[j] - 'a' + 'A');
      }
      i += 2;
    }
  }
  return s;
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  for (std::string_view param : Split(query, '&')) {
    if (param.empty()) continue;
    std::string_view name = param.substr(0, param.find('='));
    if (IsTrackingParam(name)) continue;
    if (!out.empty()) out += '&';
    out.append(param);
  }
  return out;
}

Result<UrlParts> PartsFromHandle(CURLU* u, std::string_view url) {
  UrlParts p;
  p.scheme = AsciiLower(GetPart(u, CURLUPART_SCHEME));
  if (p.scheme != "http" && p.scheme != "https" && p.scheme != "file") {
    return InvalidArgument(RedactUrl(url) + ": unsupported scheme");
  }
  p.host = AsciiLower(GetPart(u, CURLUPART_HOST));
  if (p.scheme != "file" && p.host.empty()) return InvalidArgument(RedactUrl(url) + ": no host");
  p.port = GetPart(u, CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  p.path = UpperEscapes(GetPart(u, CURLUPART_PATH));
  if (p.path.empty()) p.path = "/";
  p.query = UpperEscapes(GetPart(u, CURLUPART_QUERY));
  return p;
}

std::string Assemble(const UrlParts& p) {
  std::string out = p.scheme + "://" + HostKey(p) + p.path;
  std::string query = FilterQuery(p.query);
  if (!query.empty()) out += "?" + query;
  return out;
}

Status SetUrl(CURLU* u, std::string_view url) {
  std::string copy(Trim(url));
  CURLUcode rc = curl_url_set(u, CURLUPART_URL, copy.c_str(), kSetFlags);
  if (rc != CURLUE_OK) return InvalidArgument(RedactUrl(copy) + ": " + curl_url_strerror(rc));
  return Status::Ok();
}

}  // namespace

bool IsTrackingParam(std::string_view name) {
  std::string lower = AsciiLower(name);
  if (lower.rfind("utm_", 0) == 0) return true;
  for (std::string_view t : kTrackingParams) {
    if (lower == t) return true;
  }
  return false;
}

std::string HostKey(const UrlParts& parts) {
  return parts.port.empty() ? parts.host : parts.host + ":" + parts.port;
}

Result<UrlParts> ParseUrl(std::string_view url) {
  CurlUrlPtr u(curl_url());
  if (!u) return Internal("curl_url: out of memory");
  DW_RETURN_IF_ERROR(SetUrl(u.get(), url));
  return PartsFromHandle(u.get(), url);
}

Result<std::string> CanonicalUrl(std::string_view url) {
  Result<UrlParts> parts = ParseUrl(url);
  if (!parts.ok()) return parts.status();
  return Assemble(*parts);
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  ref = Trim(ref);
  // libcurl 7.88 resolves "" and "#frag" to the root; RFC 3986 says the base.
  if (ref.empty() || ref.front() == '#') return CanonicalUrl(base);
  CurlUrlPtr u(curl_url());
  if (!u) return Internal("curl_url: out of memory");
  DW_RETURN_IF_ERROR(SetUrl(u.get(), base));
  DW_RETURN_IF_ERROR(SetUrl(u.get(), ref));
  Result<UrlParts> parts = PartsFromHandle(u.get(), ref);
  if (!parts.ok()) return parts.status();
  return Assemble(*parts);
}

std::string FileUrlFromPath(const std::filesystem::path& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path.generic_string()) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

Result<std::filesystem::path> PathFromFileUrl(std::string_view url) {
  CurlUrlPtr u(curl_url());
  if (!u) return Internal("curl_url: out of memory");
  DW_RETURN_IF_ERROR(SetUrl(u.get(), url));
  if (AsciiLower(GetPart(u.get(), CURLUPART_SCHEME)) != "file") {
    return InvalidArgument(RedactUrl(url) + ": not a file URL");
  }
  std::string path = GetPart(u.get(), CURLUPART_PATH, CURLU_URLDECODE);
  if (path.empty() || path.front() != '/') return InvalidArgument(RedactUrl(url) + ": no path");
  return std::filesystem::path(path);
}

}  // namespace dealwatch
