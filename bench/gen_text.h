// Text helpers of the page generator (page_generator.h): crude HTML
// slicing on our own corpus pages, dates in the forms those pages print
// them, and splicing furniture into a page. Not a general HTML toolkit:
// they rely on the corpus's regular markup. Stateless and thread-safe.
#ifndef DEALWATCH_BENCH_GEN_TEXT_H_
#define DEALWATCH_BENCH_GEN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "page_chrome.h"

namespace dealwatch::bench {

// The byte after the UTF-8 character at `pos` (s.size() + 1 past the end).
size_t Utf8Next(std::string_view s, size_t pos);

// The text of every <p> after the page's <h1>, tags dropped, one paragraph a line.
std::string ParagraphText(std::string_view html);
// The text between the first `open` and the next `close`, or "".
std::string TagText(std::string_view html, std::string_view open, std::string_view close);
// The content="" of <meta name="NAME">, or "".
std::string MetaContent(std::string_view html, std::string_view name);

// Replaces every `from` (non-empty) in *s with `to`, except where a byte
// for which `touches` is true sits right before or after it (null: none).
void ReplaceStem(std::string* s, std::string_view from, std::string_view to, bool (*touches)(char));
bool IsWordByte(char c);  // ASCII letter or digit
bool IsDigit(char c);

// Moves the first digit of every amount (a number followed by a money
// scale such as 億, 万, bn, million, or preceded by $, €, £, ¥) `step` places
// along 1..9, so that a story version reports other amounts. Years, dates,
// tenors and percentages are left alone.
void ShiftAmounts(std::string* html, int step);

// "2025-08-23" moved by `days` (may be negative); the input when unparsable.
std::string ShiftDate(const std::string& ymd, int days);
// Replaces `from` (YYYY-MM-DD) with `to` in the forms the corpus prints:
// 2025-08-23, 2025/08/23, 2025年8月23日, 2025年08月23日, August 23, 2025,
// Aug. 23, 2025, Aug 23, 2025 and 23 August 2025.
void ReplaceDate(std::string* html, const std::string& from, const std::string& to);
// RFC 822 midnight UTC: "Sat, 23 Aug 2025 00:00:00 +0000".
std::string Rfc822(const std::string& ymd);

// `html` with chrome.head before </head>, chrome.top after <body ...>,
// chrome.in_body after the 2nd, 4th, ... </p> following <h1, and
// chrome.bottom before </body>. Pieces whose anchor is missing are dropped.
std::string Splice(std::string_view html, const Chrome& chrome);

}  // namespace dealwatch::bench

#endif  // DEALWATCH_BENCH_GEN_TEXT_H_
