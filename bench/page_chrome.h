// The page furniture of generated benchmark pages: what real news sites
// put around an article (issue 9). Head bloat (meta and link tags, inline
// CSS, analytics and ad scripts, a JSON state blob that may repeat the
// article), a header with a mega-menu and inline SVG icons, in-article ad
// slots, related and most-read lists of other stories with thumbnails and
// teasers, comment and newsletter boxes, a footer of link columns, and
// tracking scripts. Sizes and mixes are drawn from a seeded Rng, so a page
// is a pure function of its seed. Stateless and thread-safe.
#ifndef DEALWATCH_BENCH_PAGE_CHROME_H_
#define DEALWATCH_BENCH_PAGE_CHROME_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dealwatch::bench {

// splitmix64: small, fast and good enough to vary markup.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform in [lo, hi].
  int Int(int lo, int hi);
  double Real();  // [0, 1)
  bool Chance(double p) { return Real() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Next() % v.size()]; }

 private:
  uint64_t state_;
};

// Another story of the same site language, for related lists.
struct Headline {
  std::string title, teaser, slug;
};

struct ChromeInput {
  std::string lang;                         // en, zh-Hant, zh-Hans
  std::string date;                         // YYYY-MM-DD of the page
  std::string body_json;                    // the article text as a JSON string literal, or ""
  const std::vector<Headline>* headlines;  // same-language stories (not owned)
};

// The pieces to splice into a page, about `budget` bytes in all.
struct Chrome {
  std::string head;                  // before </head>
  std::string top;                   // right after <body ...>
  std::vector<std::string> in_body;  // after the 2nd, 4th, ... paragraph
  std::string bottom;                // before </body>
};

Chrome MakeChrome(const ChromeInput& in, size_t budget, Rng* rng);

}  // namespace dealwatch::bench

#endif  // DEALWATCH_BENCH_PAGE_CHROME_H_
