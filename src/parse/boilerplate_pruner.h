// Marks page furniture removed in a FlatDom, in two passes around content
// scoring. Before: navigation, footers, asides and elements whose class/id
// names share bars, comments, related lists, cookie banners, ads ... unless
// they hold most of the page's text (a mislabelled wrapper). After: inside
// the chosen content, Readability-style conditional cleaning of lists,
// tables and divs (link-heavy, image-heavy, short), captions and the
// headings of "related" blocks. Thread-safe on distinct FlatDoms.
#ifndef DEALWATCH_PARSE_BOILERPLATE_PRUNER_H_
#define DEALWATCH_PARSE_BOILERPLATE_PRUNER_H_

#include <vector>

#include "parse/dom.h"

namespace dealwatch {

// Pass 1, on the whole body. Leaves counts current (calls Recount).
void PruneBoilerplate(FlatDom* dom, int body);

// Pass 2, inside `roots` (the roots themselves stay). Leaves counts current.
void CleanContent(FlatDom* dom, const std::vector<int>& roots);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_BOILERPLATE_PRUNER_H_
