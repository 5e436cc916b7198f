#include "extract/mentions.h"

#include <algorithm>

namespace dealwatch {

bool ArticleMentions::Insert(Mention m) {
  auto it = std::lower_bound(items.begin(), items.end(), m.span.begin,
                             [](const Mention& a, size_t pos) { return a.span.begin < pos; });
  if (it != items.end() && it->span.begin < m.span.end) return false;
  if (it != items.begin() && (it - 1)->span.end > m.span.begin) return false;
  items.insert(it, std::move(m));
  return true;
}

std::vector<int> ArticleMentions::Within(Span span) const {
  std::vector<int> out;
  auto it = std::lower_bound(items.begin(), items.end(), span.begin,
                             [](const Mention& a, size_t pos) { return a.span.begin < pos; });
  for (; it != items.end() && it->span.end <= span.end; ++it) out.push_back(static_cast<int>(it - items.begin()));
  return out;
}

}  // namespace dealwatch
