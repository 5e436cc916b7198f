#include "crawl/feed_parser.h"

#include <array>
#include <map>
#include <set>

#include "common/strings.h"
#include "crawl/feed_dates.h"
#include "crawl/url.h"
#include "crawl/xml_tokenizer.h"

namespace dealwatch {

namespace {

// Date fields, most specific first.
constexpr std::array<std::string_view, 7> kDateFields = {
    "publication_date", "published", "pubDate", "issued", "date", "updated", "lastmod"};

struct RawEntry {
  std::string link;  // as written
  std::string guid;
  bool guid_is_link = true;
  std::map<std::string, std::string> fields;  // first text of each child element
  std::vector<std::string> categories;
};

class FeedBuilder {
 public:
  explicit FeedBuilder(const std::string& base_url) : base_url_(base_url) {}

  Status OnStart(const XmlToken& t);
  void OnText(const std::string& text) {
    if (in_entry_) text_ += text;
  }
  void OnEnd(const XmlToken& t);
  Result<Feed> Finish();

 private:
  bool IsEntryName(std::string_view name) const;
  void AddEntry(RawEntry raw);

  const std::string& base_url_;
  Feed feed_;
  bool have_root_ = false;
  int depth_ = 0;
  bool in_entry_ = false;
  int entry_depth_ = 0;
  RawEntry raw_;
  std::string text_;
  std::set<std::string> seen_;
};

bool FeedBuilder::IsEntryName(std::string_view name) const {
  switch (feed_.kind) {
    case FeedKind::kRss: return name == "item";
    case FeedKind::kAtom: return name == "entry";
    case FeedKind::kSitemap: return name == "url";
    case FeedKind::kSitemapIndex: return name == "sitemap";
  }
  return false;
}

Status FeedBuilder::OnStart(const XmlToken& t) {
  ++depth_;
  if (!have_root_) {
    have_root_ = true;
    if (t.name == "rss" || t.name == "RDF") feed_.kind = FeedKind::kRss;
    else if (t.name == "feed") feed_.kind = FeedKind::kAtom;
    else if (t.name == "urlset") feed_.kind = FeedKind::kSitemap;
    else if (t.name == "sitemapindex") feed_.kind = FeedKind::kSitemapIndex;
    else return DataError("not a feed or sitemap (root element <" + t.name + ">)");
    return Status::Ok();
  }
  if (!in_entry_) {
    if (IsEntryName(t.name)) {
      in_entry_ = true;
      entry_depth_ = depth_;
      raw_ = RawEntry{};
      // RSS 1.0 items name their link in rdf:about.
      raw_.guid = std::string(XmlTokenizer::Attribute(t, "about"));
    }
    return Status::Ok();
  }
  text_.clear();
  if (t.name == "link" && raw_.link.empty() && feed_.kind == FeedKind::kAtom) {
    std::string_view rel = XmlTokenizer::Attribute(t, "rel");
    if (rel.empty() || rel == "alternate") raw_.link = std::string(XmlTokenizer::Attribute(t, "href"));
  } else if (t.name == "category") {
    std::string_view term = XmlTokenizer::Attribute(t, "term");
    if (!term.empty()) raw_.categories.emplace_back(term);
  } else if (t.name == "guid") {
    raw_.guid_is_link = XmlTokenizer::Attribute(t, "isPermaLink") != "false";
  }
  return Status::Ok();
}

void FeedBuilder::OnEnd(const XmlToken& t) {
  int depth = depth_--;
  if (!in_entry_) return;
  if (depth == entry_depth_) {
    in_entry_ = false;
    AddEntry(std::move(raw_));
    return;
  }
  std::string value(Trim(text_));
  text_.clear();
  if (value.empty()) return;
  if ((t.name == "link" && feed_.kind != FeedKind::kAtom) || t.name == "loc") {
    if (raw_.link.empty()) raw_.link = value;
  } else if (t.name == "guid") {
    if (raw_.guid_is_link) raw_.guid = value;
  } else if (t.name == "category" && feed_.kind != FeedKind::kAtom) {
    raw_.categories.push_back(value);
  } else {
    raw_.fields.emplace(t.name, value);  // the first one wins
  }
}

void FeedBuilder::AddEntry(RawEntry raw) {
  if (feed_.entries.size() >= kMaxFeedEntries) return;
  std::string link = raw.link.empty() ? raw.guid : raw.link;
  if (link.empty()) return;
  Result<std::string> url = ResolveUrl(base_url_, link);
  if (!url.ok() || !seen_.insert(*url).second) return;
  FeedEntry entry;
  entry.url = std::move(url).value();
  auto title = raw.fields.find("title");
  if (title != raw.fields.end()) entry.title = CollapseSpaces(title->second);
  for (std::string_view field : kDateFields) {
    auto it = raw.fields.find(std::string(field));
    if (it == raw.fields.end()) continue;
    entry.date = NormalizeFeedDate(it->second);
    if (!entry.date.empty()) break;
  }
  for (const char* field : {"updated", "lastmod"}) {
    auto it = raw.fields.find(field);
    if (it != raw.fields.end() && entry.modified.empty()) entry.modified = NormalizeFeedDate(it->second);
  }
  entry.categories = std::move(raw.categories);
  feed_.entries.push_back(std::move(entry));
}

Result<Feed> FeedBuilder::Finish() {
  if (!have_root_) return DataError("not a feed or sitemap (no root element)");
  return std::move(feed_);
}

}  // namespace

Result<Feed> ParseFeed(std::string_view body, const std::string& base_url) {
  XmlTokenizer tokenizer(body);
  FeedBuilder builder(base_url);
  XmlToken token;
  while (true) {
    DW_RETURN_IF_ERROR(tokenizer.Next(&token));
    switch (token.kind) {
      case XmlTokenKind::kStart:
        DW_RETURN_IF_ERROR(builder.OnStart(token));
        break;
      case XmlTokenKind::kText:
        builder.OnText(token.text);
        break;
      case XmlTokenKind::kEnd:
        builder.OnEnd(token);
        break;
      case XmlTokenKind::kEof:
        return builder.Finish();
    }
  }
}

}  // namespace dealwatch
