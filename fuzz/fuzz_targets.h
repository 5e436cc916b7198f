// The fuzz targets' entry points, one per parser that reads outside input.
// Each <target>_fuzzer.cc defines its function; built with
// DEALWATCH_FUZZ_MAIN it also defines LLVMFuzzerTestOneInput, which calls
// the function. tests/hostile/fuzz_regressions_test.cc links the same files
// without it and replays every input saved under fuzz/regressions/<target>/.
// A target returns normally on any input; a broken invariant (output that
// is not UTF-8, a span outside its text) aborts with a message, so the
// fuzzer records the input as a crash.
#ifndef DEALWATCH_FUZZ_FUZZ_TARGETS_H_
#define DEALWATCH_FUZZ_FUZZ_TARGETS_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace dealwatch::fuzz {

void FuzzCharset(std::string_view data);    // DecodeToUtf8
void FuzzArticle(std::string_view data);    // ExtractArticle, ExtractPlainText
void FuzzNormalize(std::string_view data);  // Normalize, FindMoney, FindTenors, FindPricing
void FuzzRuleFile(std::string_view data);   // ParseRuleFile, ExpandMacros, RE2 compile
void FuzzExtractor(std::string_view data);  // Extractor::Extract with the real rules/
void FuzzFeed(std::string_view data);       // ParseFeed (RSS, Atom, sitemaps)
void FuzzRobots(std::string_view data);     // RobotsRules::Parse, IsAllowed

// Takes the first byte of *data (0 when empty) as a choice among `n`
// options and removes it, so one input picks options and carries the text.
inline size_t TakeChoice(std::string_view* data, size_t n) {
  if (data->empty()) return 0;
  unsigned char c = static_cast<unsigned char>(data->front());
  data->remove_prefix(1);
  return c % n;
}

}  // namespace dealwatch::fuzz

#define DEALWATCH_FUZZ_CHECK(cond)                                                      \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

// Defines LLVMFuzzerTestOneInput for `fn` when building a fuzzer binary.
#ifdef DEALWATCH_FUZZ_MAIN
#define DEALWATCH_FUZZ_ENTRY(fn)                                                  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {      \
    fn(std::string_view(reinterpret_cast<const char*>(data), size));              \
    return 0;                                                                     \
  }
#else
#define DEALWATCH_FUZZ_ENTRY(fn)
#endif

#endif  // DEALWATCH_FUZZ_FUZZ_TARGETS_H_
