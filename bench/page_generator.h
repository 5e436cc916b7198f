// PageGenerator makes the benchmark corpus (issue 9): any number of news
// pages built at run time from our own corpus/site articles and their eight
// site templates. Page i is copy i / S of story i % S (S: the corpus's HTML
// stories), with
//   - the story's own page (template, article, related list, cookie banner),
//   - furniture around it sized so that the article text is 1-8% (English)
//     or 4-35% (Chinese) of the page bytes, drawn log-uniformly (real pages in
//     ../shared/bench: median 2.9% for English, about 13% for Chinese),
//     with in-article ad slots (page_chrome.h),
//   - two reports (two pages) per story version: each version renames the
//     borrowers (another first character, or another word ending; 40
//     names), moves the first digit of its amounts (9 sets of amounts), and
//     every 9 versions the date moves back 130 days (past the store's
//     120-day merge window), so the store sees many distinct deals, each
//     reported about twice, rather than 360 reports of the same 90,
//   - one Chinese page in eight served as GBK (Simplified) or Big5
//     (Traditional) with its <meta charset> saying so.
// Page i depends only on i and the corpus. Immutable after Load();
// Generate() is thread-safe.
#ifndef DEALWATCH_BENCH_PAGE_GENERATOR_H_
#define DEALWATCH_BENCH_PAGE_GENERATOR_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"
#include "page_chrome.h"

namespace dealwatch::bench {

struct GeneratedPage {
  std::string path;       // relative to the site folder: "zh-Hant/012/012345-slug.html"
  std::string bytes;      // the page as served
  std::string title;      // the headline (UTF-8), for feeds
  std::string published;  // YYYY-MM-DD
  std::string lang;       // en, zh-Hant, zh-Hans
  std::string charset;    // utf-8, gbk or big5
};

class PageGenerator {
 public:
  // Reads corpus/gold.jsonl and the HTML pages it names.
  static Result<PageGenerator> Load(const std::filesystem::path& corpus_dir);

  GeneratedPage Generate(int64_t index) const;
  size_t stories() const { return stories_.size(); }

 private:
  struct Story {
    std::string html, lang, published, slug;
    std::vector<std::string> stems;  // first word / first two characters of each borrower name
    size_t text_bytes = 0;           // of its paragraphs
  };
  std::string Rename(const Story& s, int variant) const;

  std::vector<Story> stories_;
  std::vector<Headline> headlines_[3];  // en, zh-Hant, zh-Hans
};

// Writes pages [0, count) under `dir` (made if missing), an RSS feed per
// language (feed-en.xml, feed-zh-Hant.xml, feed-zh-Hans.xml) and
// config.toml, a `dealwatch run` config that crawls the feeds over file://
// into dir/deals.db with the rules at `rules_dir`. Returns the page bytes
// written.
Result<int64_t> WriteSite(const PageGenerator& generator, int64_t count, const std::filesystem::path& dir,
                          const std::filesystem::path& rules_dir);

}  // namespace dealwatch::bench

#endif  // DEALWATCH_BENCH_PAGE_GENERATOR_H_
