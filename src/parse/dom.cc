#include "parse/dom.h"

#include <algorithm>

#include "common/strings.h"
#include "parse/class_hints.h"

namespace dealwatch {
namespace {

// Elements that never hold article text; their subtrees are not flattened.
bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsHiddenStyle(std::string_view style) {
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n')
      compact.push_back(std::tolower(static_cast<unsigned char>(c)));
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// The attributes the flattening needs, read in one pass (gumbo keeps
// attribute names lower-case; gumbo_get_attribute would scan once per name).
struct ElementAttrs {
  std::string_view cls, id, style, href;
  bool hidden = false;  // `hidden`, or aria-hidden="true"
};

ElementAttrs ReadAttrs(const GumboNode* g) {
  ElementAttrs a;
  const GumboVector& attrs = g->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    std::string_view name = attr->name, value = attr->value;
    if (name == "class") {
      a.cls = value;
    } else if (name == "id") {
      a.id = value;
    } else if (name == "style") {
      a.style = value;
    } else if (name == "href") {
      a.href = value;
    } else if (name == "hidden" || (name == "aria-hidden" && value == "true")) {
      a.hidden = true;
    }
  }
  return a;
}

// "class id", lower-cased.
std::string LowerClassAndId(const ElementAttrs& a) {
  if (a.cls.empty() && a.id.empty()) return {};
  std::string out;
  out.reserve(a.cls.size() + a.id.size() + 1);
  out.append(a.cls).append(" ").append(a.id);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return out;
}

// Punctuation that Readability-style scoring counts: commas (, ，、) and
// sentence ends (. ! ? 。！？). `len` receives the bytes of the mark.
enum class Punct { kNone, kComma, kStop };

Punct PunctAt(std::string_view t, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  *len = 1;
  if (c == ',') return Punct::kComma;
  if (c == '.' || c == '!' || c == '?') return Punct::kStop;
  if ((c != 0xEF && c != 0xE3) || i + 2 >= t.size()) return Punct::kNone;
  unsigned char c1 = static_cast<unsigned char>(t[i + 1]),
                c2 = static_cast<unsigned char>(t[i + 2]);
  *len = 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x81) return Punct::kComma;                 // 、
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x82) return Punct::kStop;                  // 。
  if (c == 0xEF && c1 == 0xBC && c2 == 0x8C) return Punct::kComma;                 // ，
  if (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F)) return Punct::kStop;  // ！？
  *len = 1;
  return Punct::kNone;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

}  // namespace

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

std::string_view Attr(const GumboNode* element, const char* name) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

std::string FlatDom::ClassAndId(const GumboNode* element) {
  std::string_view cls = Attr(element, "class");
  std::string_view id = Attr(element, "id");
  if (cls.empty() && id.empty()) return {};
  std::string out;
  out.reserve(cls.size() + id.size() + 1);
  out.append(cls).append(" ").append(id);
  for (char& c : out) c = std::tolower(static_cast<unsigned char>(c));
  return out;
}

TextStats FlatDom::CountText(std::string_view t, bool in_link) {
  TextStats s;
  bool space = true;
  for (size_t i = 0; i < t.size();) {
    if (IsSpaceByte(t[i])) {
      if (!space) ++s.text;
      space = true;
      ++i;
      continue;
    }
    space = false;
    size_t len;
    Punct p = PunctAt(t, i, &len);
    s.commas += p == Punct::kComma;
    s.stops += p == Punct::kStop;
    s.text += len;
    i += len;
  }
  if (in_link) s.link = s.text;
  return s;
}

FlatDom FlatDom::Build(const GumboNode* root) {
  FlatDom dom;
  if (root == nullptr) return dom;
  dom.Visit(root, -1);
  dom.Recount();
  return dom;
}

// Preorder walk with an explicit stack of (node, parent index).
void FlatDom::Visit(const GumboNode* root, int root_parent) {
  std::vector<std::pair<const GumboNode*, int>> stack{{root, root_parent}};
  stack.reserve(256);
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    DomNode n;
    if (!Describe(g, parent, &n)) continue;
    int self = static_cast<int>(nodes_.size());
    nodes_.push_back(n);
    if (n.kind != NodeKind::kElement || n.skipped) continue;
    const GumboVector& children = g->v.element.children;
    for (unsigned i = children.length; i-- > 0;) {
      stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), self);
    }
  }
  for (size_t i = 0; i < nodes_.size(); ++i) nodes_[i].end = static_cast<int32_t>(i + 1);
  for (size_t i = nodes_.size(); i-- > 1;) {
    DomNode& parent = nodes_[nodes_[i].parent];
    parent.end = std::max(parent.end, nodes_[i].end);
  }
}

bool FlatDom::Describe(const GumboNode* g, int parent, DomNode* n) const {
  n->node = g;
  n->parent = parent;
  const DomNode* p = parent >= 0 ? &nodes_[parent] : nullptr;
  n->depth = p ? static_cast<uint16_t>(std::min<int>(p->depth + 1, 65535)) : 0;
  n->in_link = p && p->in_link;
  n->block = p ? p->block : -1;
  if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA) {
    n->kind = NodeKind::kText;
    n->sub = CountText(g->v.text.text, n->in_link);
    return true;
  }
  if (g->type == GUMBO_NODE_WHITESPACE) {
    n->kind = NodeKind::kSpace;
    return true;
  }
  if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) return false;  // comments
  n->tag = g->v.element.tag;
  ElementAttrs attrs = ReadAttrs(g);
  std::string class_id = LowerClassAndId(attrs);
  ClassVerdict verdict = ClassIdVerdict(class_id);
  n->hint = static_cast<int8_t>(verdict.hint);
  n->strong = verdict.strong;
  n->content_word = verdict.content_word;
  n->skipped = IsSkippedTag(n->tag) || g->type == GUMBO_NODE_TEMPLATE || attrs.hidden ||
               IsHiddenStyle(attrs.style) || HasHiddenClass(class_id);
  if (IsBlockTag(n->tag)) n->block = static_cast<int32_t>(nodes_.size());
  if (n->tag == GUMBO_TAG_A && !attrs.href.empty()) n->in_link = true;
  return true;
}

void FlatDom::Recount() {
  for (DomNode& n : nodes_) {
    if (n.kind == NodeKind::kElement) n.sub = TextStats();
    n.own = TextStats();
    n.good = n.paragraphs = n.breaks = n.images = n.list_items = 0;
  }
  for (size_t i = nodes_.size(); i-- > 0;) {
    DomNode& n = nodes_[i];
    if (n.removed || n.skipped) continue;
    if (n.kind == NodeKind::kText && n.block >= 0) nodes_[n.block].own.Add(n.sub);
    if (n.tag == GUMBO_TAG_BR && n.block >= 0) ++nodes_[n.block].breaks;
    if (n.own.text >= kGoodBlockUnits && n.own.LinkDensity() < 0.5) {
      n.good += n.own.text;
      if (n.tag != GUMBO_TAG_P) n.paragraphs += 1 + n.breaks / 2;
    }
    n.paragraphs += n.tag == GUMBO_TAG_P;
    n.images += n.tag == GUMBO_TAG_IMG;
    n.list_items += n.tag == GUMBO_TAG_LI;
    if (n.parent < 0) continue;
    DomNode& p = nodes_[n.parent];
    p.sub.Add(n.sub);
    p.good += n.good;
    p.paragraphs += n.paragraphs;
    p.images += n.images;
    p.list_items += n.list_items;
  }
}

void FlatDom::Remove(int i) {
  for (int j = i; j < nodes_[i].end; ++j) nodes_[j].removed = true;
  any_removed_ = true;
}

void FlatDom::ClearRemoved() {
  if (!any_removed_) return;
  for (DomNode& n : nodes_) n.removed = false;
  any_removed_ = false;
  Recount();
}

std::string FlatDom::TextOf(int i, size_t max_bytes) const {
  std::string out;
  for (int j = i; j < nodes_[i].end && out.size() < max_bytes; ++j) {
    const DomNode& n = nodes_[j];
    if (n.removed || n.skipped) {
      j = n.end - 1;
      continue;
    }
    if (n.kind == NodeKind::kSpace || (n.kind == NodeKind::kElement && IsBlockTag(n.tag))) {
      out.push_back(' ');
    } else if (n.kind == NodeKind::kText) {
      out.append(n.node->v.text.text);
    }
  }
  return CollapseSpaces(out);
}

}  // namespace dealwatch
