#include "extract/mentions.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

namespace dealwatch {

bool ArticleMentions::Insert(Mention m) {
  auto it = std::lower_bound(items.begin(), items.end(), m.span.begin,
                             [](const Mention& a, size_t pos) { return a.span.begin < pos; });
  if (it != items.end() && it->span.begin < m.span.end) return false;
  if (it != items.begin() && (it - 1)->span.end > m.span.begin) return false;
  items.insert(it, std::move(m));
  return true;
}

void ArticleMentions::InsertAll(std::vector<Mention> batch) {
  std::vector<Mention> added;
  std::set<std::pair<size_t, size_t>> taken;  // the spans of `added`, sorted
  for (Mention& m : batch) {
    // The checks of Insert, against the items and against `added`.
    auto it = std::lower_bound(items.begin(), items.end(), m.span.begin,
                               [](const Mention& a, size_t pos) { return a.span.begin < pos; });
    if (it != items.end() && it->span.begin < m.span.end) continue;
    if (it != items.begin() && (it - 1)->span.end > m.span.begin) continue;
    auto t = taken.lower_bound({m.span.begin, 0});
    if (t != taken.end() && t->first < m.span.end) continue;
    if (t != taken.begin() && std::prev(t)->second > m.span.begin) continue;
    taken.insert({m.span.begin, m.span.end});
    added.push_back(std::move(m));
  }
  if (added.empty()) return;
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  std::stable_sort(added.begin(), added.end(), by_begin);
  std::vector<Mention> merged;
  merged.reserve(items.size() + added.size());
  std::merge(std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()),
             std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()), std::back_inserter(merged),
             by_begin);
  items = std::move(merged);
}

std::vector<int> ArticleMentions::Within(Span span) const {
  std::vector<int> out;
  auto it = std::lower_bound(items.begin(), items.end(), span.begin,
                             [](const Mention& a, size_t pos) { return a.span.begin < pos; });
  for (; it != items.end() && it->span.end <= span.end; ++it) out.push_back(static_cast<int>(it - items.begin()));
  return out;
}

}  // namespace dealwatch
