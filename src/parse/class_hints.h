// Verdicts from the class and id names sites give their page furniture
// (share-bar, related-stories, xgxw) and their articles (article-body,
// post-content). Pure functions over static tables; thread-safe.
#ifndef DEALWATCH_PARSE_CLASS_HINTS_H_
#define DEALWATCH_PARSE_CLASS_HINTS_H_

#include <string_view>

namespace dealwatch {

inline constexpr int kHintBoilerplate = -2;  // comments, share bars, nav, related lists
inline constexpr int kHintUnlikely = -1;     // meta lines, captions, bylines, widgets
inline constexpr int kHintContent = 1;       // article, story, post-body, content

struct ClassVerdict {
  int hint = 0;               // the most negative word wins ("comment-content" is a comment)
  bool strong = false;        // names furniture that is never the article (comments, share bars)
  bool content_word = false;  // also names content (article, body, content, main, ...)
};

// Verdict for a lower-cased "class id" string.
ClassVerdict ClassIdVerdict(std::string_view lower_class_id);

// True when the class names mark an element invisible ("hidden", "sr-only").
bool HasHiddenClass(std::string_view lower_class_id);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_CLASS_HINTS_H_
