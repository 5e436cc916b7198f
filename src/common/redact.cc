#include "common/redact.h"

#include <algorithm>
#include <array>

#include "common/strings.h"

namespace dealwatch {

namespace {

// Names that are credentials whatever precedes them ("nextpagetoken" too:
// redacting a harmless value costs less than leaking a real one).
constexpr std::array<std::string_view, 13> kSecretEndings = {
    "token",     "secret", "password",  "passwd", "apikey",     "accesskey",  "secretkey",
    "privatekey", "signature", "sessionid", "sessid", "credential", "credentials"};
// Names too short or common to match as endings ("monkey", "bypass"): only
// alone or after a separator.
constexpr std::array<std::string_view, 7> kSecretWords = {"key", "pass", "pwd", "auth", "sig", "session", "jwt"};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string DecodeLower(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return AsciiLower(out);
}

// "a=1&token=x;b" with the values of secret parameters replaced.
std::string RedactParams(std::string_view params) {
  std::string out;
  size_t at = 0;
  while (at <= params.size()) {
    size_t end = params.find_first_of("&;", at);
    if (end == std::string_view::npos) end = params.size();
    std::string_view param = params.substr(at, end - at);
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && eq + 1 < param.size() && IsSecretParam(param.substr(0, eq))) {
      out.append(param.substr(0, eq + 1));
      out.append(kRedacted);
    } else {
      out.append(param);
    }
    if (end == params.size()) break;
    out += params[end];
    at = end + 1;
  }
  return out;
}

bool IsSchemeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
         c == '.';
}

bool EndsUrl(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\';
}

// Punctuation that ends a sentence rather than the URL before it.
bool IsTrailingPunct(char c) {
  return c == '.' || c == ',' || c == ':' || c == ';' || c == ')' || c == '!' || c == '?';
}

}  // namespace

bool IsSecretParam(std::string_view name) {
  std::string n = DecodeLower(Trim(name));
  if (n.empty()) return false;
  for (std::string_view e : kSecretEndings) {
    if (EndsWithI(n, e)) return true;
  }
  size_t sep = n.find_last_of("_-.");
  std::string_view word = sep == std::string::npos ? std::string_view(n) : std::string_view(n).substr(sep + 1);
  for (std::string_view w : kSecretWords) {
    if (word == w) return true;
  }
  return false;
}

std::string RedactUrl(std::string_view url) {
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::string(url);
  size_t authority = colon + 3;
  size_t rest = url.find_first_of("/?#", authority);
  if (rest == std::string_view::npos) rest = url.size();
  std::string out(url.substr(0, authority));
  size_t at = url.substr(authority, rest - authority).rfind('@');
  if (at != std::string_view::npos) {
    out.append(kRedacted);
    out.append(url.substr(authority + at, rest - authority - at));
  } else {
    out.append(url.substr(authority, rest - authority));
  }
  size_t hash = url.find('#', rest);
  size_t query = url.find('?', rest);
  if (query != std::string_view::npos && query > hash) query = std::string_view::npos;
  size_t path_end = std::min(query, hash);
  if (path_end == std::string_view::npos) path_end = url.size();
  out.append(url.substr(rest, path_end - rest));
  if (query != std::string_view::npos) {
    size_t end = hash == std::string_view::npos ? url.size() : hash;
    out += '?';
    out += RedactParams(url.substr(query + 1, end - query - 1));
  }
  if (hash != std::string_view::npos) {
    out += '#';
    out += RedactParams(url.substr(hash + 1));  // "#access_token=..." (OAuth)
  }
  return out;
}

std::string RedactUrls(std::string_view text) {
  std::string out;
  size_t copied = 0;
  size_t from = 0;
  while (true) {
    size_t sep = text.find("://", from);
    if (sep == std::string_view::npos) break;
    size_t start = sep;
    while (start > copied && IsSchemeChar(text[start - 1])) --start;
    size_t end = sep + 3;
    while (end < text.size() && !EndsUrl(text[end])) ++end;
    while (end > sep + 3 && IsTrailingPunct(text[end - 1])) --end;
    from = end > sep + 3 ? end : sep + 3;
    if (start == sep) continue;  // "://" without a scheme before it
    out.append(text.substr(copied, start - copied));
    out += RedactUrl(text.substr(start, end - start));
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace dealwatch
