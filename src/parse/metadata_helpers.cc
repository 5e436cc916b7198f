// String helpers of metadata.h: title suffixes, URL resolution, JSON-LD values.
#include <cstdlib>
#include <vector>

#include "common/strings.h"
#include "common/utf8.h"
#include "parse/metadata.h"

namespace dealwatch {
namespace {

constexpr size_t kMinHeadlineChars = 10;  // a first title part this long is the headline

constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", "｜", "_", " -- ", "——", " / ",
};

// Splits `title` at every separator.
std::vector<std::string_view> TitleParts(std::string_view title) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < title.size();) {
    size_t len = 0;
    for (std::string_view sep : kTitleSeparators) {
      if (title.compare(i, sep.size(), sep) == 0) {
        len = sep.size();
        break;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    parts.push_back(Trim(title.substr(start, i - start)));
    i += len;
    start = i;
  }
  parts.push_back(Trim(title.substr(start)));
  return parts;
}

bool NamesSite(std::string_view part, std::string_view site) {
  if (site.empty()) return false;
  std::string p = AsciiLower(part), s = AsciiLower(site);
  return p == s || (p.size() >= 3 && s.find(p) != std::string::npos) ||
         (p.find(s) != std::string::npos && p.size() < s.size() + 8);
}

// Appends the unescaped JSON string starting after the quote at json[pos].
std::string JsonString(std::string_view json, size_t pos) {
  std::string out;
  for (size_t i = pos; i < json.size() && json[i] != '"'; ++i) {
    if (json[i] != '\\' || i + 1 >= json.size()) {
      out.push_back(json[i]);
      continue;
    }
    char e = json[++i];
    if (e == 'u' && i + 4 < json.size()) {
      char32_t cp = std::strtoul(std::string(json.substr(i + 1, 4)).c_str(), nullptr, 16);
      i += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && json.compare(i + 1, 2, "\\u") == 0 &&
          i + 6 < json.size()) {
        char32_t lo = std::strtoul(std::string(json.substr(i + 3, 4)).c_str(), nullptr, 16);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      }
      AppendUtf8(cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp, &out);
    } else {
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
    }
  }
  return out;
}

size_t SkipJsonSpace(std::string_view json, size_t pos) {
  while (pos < json.size() &&
         (json[pos] == ' ' || json[pos] == '\n' || json[pos] == '\t' || json[pos] == '\r')) {
    ++pos;
  }
  return pos;
}

}  // namespace

std::string StripSiteSuffix(std::string_view title, std::string_view site_name) {
  title = Trim(title);
  std::vector<std::string_view> parts = TitleParts(title);
  if (parts.size() == 1) return std::string(title);
  // Like Readability: the first part when it is a real headline, else the longest.
  std::string_view best;
  for (std::string_view p : parts) {
    if (p.empty() || NamesSite(p, site_name)) continue;
    if (best.empty() && Utf8Length(p) >= kMinHeadlineChars) return std::string(p);
    if (Utf8Length(p) > Utf8Length(best)) best = p;
  }
  return std::string(best.empty() ? title : best);
}

std::string ResolveLink(std::string_view base, std::string_view href) {
  href = Trim(href);
  if (href.empty()) return "";
  if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) return std::string(href);
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos ||
      (base.substr(0, scheme_end) != "http" && base.substr(0, scheme_end) != "https")) {
    return "";
  }
  if (href.rfind("//", 0) == 0) return std::string(base.substr(0, scheme_end + 1)).append(href);
  size_t path = base.find('/', scheme_end + 3);
  std::string_view origin = base.substr(0, path);
  if (href[0] == '/') return std::string(origin).append(href);
  std::string_view base_path = path == std::string_view::npos ? "/" : base.substr(path);
  base_path = base_path.substr(0, base_path.find_first_of("?#"));
  if (href[0] == '?' || href[0] == '#') return std::string(origin).append(base_path).append(href);
  std::string dir(base_path.substr(0, base_path.rfind('/') + 1));
  while (true) {
    if (href.rfind("./", 0) == 0) {
      href.remove_prefix(2);
    } else if (href.rfind("../", 0) == 0) {
      href.remove_prefix(3);
      if (dir.size() > 1) dir.erase(dir.rfind('/', dir.size() - 2) + 1);
    } else {
      break;
    }
  }
  return std::string(origin).append(dir).append(href);
}

std::string JsonLdValue(std::string_view json, std::string_view key) {
  std::string quoted(1, '"');
  quoted.append(key).push_back('"');
  for (size_t pos = json.find(quoted); pos != std::string_view::npos;
       pos = json.find(quoted, pos + 1)) {
    size_t v = SkipJsonSpace(json, pos + quoted.size());
    if (v >= json.size() || json[v] != ':') continue;
    v = SkipJsonSpace(json, v + 1);
    if (v >= json.size()) break;
    if (json[v] == '"') return std::string(Trim(JsonString(json, v + 1)));
    if (json[v] == '{' || json[v] == '[') {
      std::string_view inner = json.substr(v, 2000);
      size_t name = inner.find("\"name\"");
      if (name != std::string_view::npos) return JsonLdValue(inner.substr(name), "name");
    }
  }
  return "";
}

}  // namespace dealwatch
