#include "page_chrome.h"

#include <algorithm>

namespace dealwatch::bench {

uint64_t Rng::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int Rng::Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }

double Rng::Real() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }

namespace {

// The words a site of each language shows in its furniture.
struct Words {
  std::vector<std::string> sections, footer, lists;
  std::string ad, comments, newsletter, subscribe, rights, skip, login;
};

const Words& WordsFor(const std::string& lang) {
  static const Words kEn{
      {"Home", "Markets", "Business", "Banking", "Deals", "Economy", "Technology", "World", "Politics", "Opinion",
       "Energy", "Property", "Personal Finance", "Companies", "Video", "Podcasts", "Newsletters", "Data",
       "Sustainability", "Asia", "Europe", "Americas", "Commodities", "Currencies", "Private Equity"},
      {"About us", "Contact", "Careers", "Advertise", "Terms of use", "Privacy policy", "Cookie settings",
       "Accessibility", "Help centre", "RSS feeds", "Sitemap", "Corrections", "Code of conduct", "Licensing",
       "Events", "Subscribe", "Manage account", "Apps", "Archive", "Press releases"},
      {"Related stories", "Most read", "More from Markets", "Recommended for you", "Latest news", "Editor's picks"},
      "Advertisement", "Comments", "Get the morning briefing in your inbox", "Subscribe", "All rights reserved.",
      "Skip to main content", "Sign in"};
  static const Words kHant{
      {"首頁", "即時", "要聞", "財經", "金融", "證券", "產業", "科技", "國際", "兩岸", "房市", "理財", "基金", "期貨",
       "生活", "健康", "運動", "娛樂", "評論", "專題", "影音", "數據", "地方", "保險", "稅務"},
      {"關於我們", "聯絡我們", "徵才資訊", "廣告刊登", "服務條款", "隱私權政策", "著作權聲明", "新聞自律",
       "訂閱電子報", "RSS", "網站地圖", "客服中心", "會員中心", "下載APP", "合作夥伴", "投稿信箱"},
      {"相關新聞", "延伸閱讀", "熱門新聞", "編輯推薦", "最新新聞", "人氣排行"},
      "廣告", "留言", "訂閱財經電子報，每日掌握市場動態", "訂閱", "版權所有，未經授權不得轉載。", "跳到主要內容",
      "會員登入"};
  static const Words kHans{
      {"首页", "要闻", "财经", "金融", "银行", "证券", "产经", "科技", "国际", "宏观", "地产", "汽车", "理财", "基金",
       "期货", "评论", "专题", "视频", "数据", "公司", "能源", "保险", "债券", "外汇", "区域"},
      {"关于我们", "联系方式", "招聘信息", "广告服务", "服务条款", "隐私政策", "版权声明", "违法和不良信息举报",
       "网站地图", "RSS订阅", "客户端下载", "意见反馈", "友情链接", "投稿邮箱", "合作伙伴", "网站导航"},
      {"相关阅读", "热门文章", "推荐阅读", "24小时热榜", "最新资讯", "编辑精选"},
      "广告", "评论", "订阅财经早报，每天早上八点送达", "订阅", "版权所有 未经授权禁止复制或建立镜像",
      "跳到主要内容", "登录"};
  if (lang == "en") return kEn;
  return lang == "zh-Hans" ? kHans : kHant;
}

std::string Hex(Rng* rng, int n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < n; ++i) s += kDigits[rng->Next() % 16];
  return s;
}

std::string Num(Rng* rng, int lo, int hi) { return std::to_string(rng->Int(lo, hi)); }

std::string Svg(Rng* rng, int points) {
  std::string s = "<svg class=\"icon icon--" + Hex(rng, 4) + "\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"" +
                  " focusable=\"false\"><path d=\"M" + Num(rng, 0, 24) + " " + Num(rng, 0, 24);
  for (int i = 0; i < points; ++i) {
    s += (i % 3 == 0 ? "c" : "l") + Num(rng, -9, 9) + "." + Num(rng, 0, 99) + " " + Num(rng, -9, 9) + "." +
         Num(rng, 0, 99);
  }
  return s + "z\"/></svg>";
}

void AppendCss(std::string* out, size_t bytes, Rng* rng) {
  static const std::vector<std::string> kParts = {"header", "nav", "item", "link", "card", "title", "media",
                                                  "teaser", "footer", "btn", "icon", "grid", "col", "promo"};
  static const std::vector<std::string> kProps = {
      "display:flex", "display:grid", "margin:0 auto", "padding:8px 16px", "font-size:14px", "line-height:1.5",
      "color:#1a1a1a", "background:#f4f4f4", "border-bottom:1px solid #e0e0e0", "position:relative",
      "grid-template-columns:repeat(4,1fr)", "gap:24px", "text-decoration:none", "font-weight:700",
      "transition:opacity .2s ease-in-out", "max-width:1200px", "overflow:hidden", "white-space:nowrap"};
  size_t end = out->size() + bytes;
  *out += "<style>";
  while (out->size() < end) {
    *out += ".c-" + Hex(rng, 5) + "__" + rng->Pick(kParts) + (rng->Chance(0.3) ? ":hover" : "") + "{";
    for (int i = rng->Int(2, 6); i > 0; --i) *out += rng->Pick(kProps) + ";";
    *out += "}";
    if (rng->Chance(0.08)) *out += "@media (max-width:" + Num(rng, 480, 1024) + "px){.c-" + Hex(rng, 5) + "{display:none}}";
  }
  *out += "</style>\n";
}

// Minified-looking code: an analytics snippet and an ad-slot table.
void AppendScript(std::string* out, size_t bytes, Rng* rng) {
  size_t end = out->size() + bytes;
  *out += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new "
          "Date());gtag('config','G-" + Hex(rng, 10) + "',{anonymize_ip:true});var __ads={slots:[";
  while (out->size() < end) {
    *out += "{id:'div-gpt-ad-" + Num(rng, 100000, 999999) + "-" + Num(rng, 0, 9) + "',unit:'/" +
            Num(rng, 1000, 99999) + "/news/" + Hex(rng, 6) + "',sizes:[[300,250],[728,90],[970,250]],targeting:{pos:'" +
            (rng->Chance(0.5) ? "top" : "mid") + "',kw:['" + Hex(rng, 6) + "','" + Hex(rng, 4) + "']},lazy:" +
            (rng->Chance(0.5) ? "!0" : "!1") + "},";
  }
  *out += "]};(function(w,d){var s=d.createElement('script');s.async=!0;s.src='https://cdn.example.test/ads/" +
          Hex(rng, 8) + ".js';d.head.appendChild(s)})(window,document);</script>\n";
}

void AppendStateBlob(std::string* out, size_t bytes, const ChromeInput& in, Rng* rng) {
  size_t end = out->size() + bytes;
  *out += "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"article\":{\"id\":\"" +
          Hex(rng, 12) + "\",\"published\":\"" + in.date + "\",\"body\":" + in.body_json + "}},\"menu\":[";
  while (out->size() < end) {
    *out += "{\"id\":" + Num(rng, 1, 9999) + ",\"label\":\"" + rng->Pick(WordsFor(in.lang).sections) +
            "\",\"href\":\"/section/" + Hex(rng, 6) + "\",\"children\":[]},";
  }
  *out += "{}]},\"buildId\":\"" + Hex(rng, 20) + "\",\"isFallback\":false}</script>\n";
}

void AppendHead(std::string* out, size_t budget, const ChromeInput& in, Rng* rng) {
  size_t end = out->size() + budget;
  *out += "<meta name=\"robots\" content=\"max-image-preview:large\"><meta name=\"twitter:card\" "
          "content=\"summary_large_image\"><meta property=\"og:image\" content=\"https://img.example.test/" +
          Hex(rng, 16) + "/1200x630.jpg\"><meta property=\"fb:app_id\" content=\"" + Num(rng, 100000, 999999) +
          "\"><meta name=\"theme-color\" content=\"#" + Hex(rng, 6) + "\">\n";
  for (int i = rng->Int(2, 8); i > 0; --i)
    *out += "<link rel=\"stylesheet\" href=\"/static/css/" + Hex(rng, 8) + ".css\">";
  *out += "<link rel=\"preconnect\" href=\"https://cdn.example.test\"><link rel=\"alternate\" "
          "type=\"application/rss+xml\" href=\"/rss.xml\">\n";
  if (out->size() >= end) return;
  size_t left = end - out->size();
  AppendCss(out, left * rng->Int(15, 45) / 100, rng);
  if (!in.body_json.empty()) AppendStateBlob(out, (end - std::min(end, out->size())) / 2, in, rng);
  while (out->size() < end) AppendScript(out, std::min<size_t>(end - out->size(), rng->Int(1500, 30000)), rng);
}

void AppendMenu(std::string* out, size_t budget, const ChromeInput& in, Rng* rng) {
  const Words& w = WordsFor(in.lang);
  size_t end = out->size() + budget;
  *out += "<a class=\"skip-link\" href=\"#main\">" + w.skip + "</a>\n<div class=\"topbar\"><span class=\"topbar__date\">" +
          in.date + "</span><a class=\"topbar__login\" href=\"/account\">" + Svg(rng, 6) + w.login +
          "</a></div>\n<header class=\"masthead\"><a class=\"masthead__logo\" href=\"/\">" + Svg(rng, 40) +
          "</a>\n<nav class=\"mega-menu\" aria-label=\"main\"><ul class=\"mega-menu__list\">";
  while (out->size() < end) {
    const std::string& section = rng->Pick(w.sections);
    std::string id = Hex(rng, 5);
    *out += "<li class=\"mega-menu__item\"><a class=\"mega-menu__link\" href=\"/" + id + "\" data-track=\"nav|" + id +
            "\">" + section + "</a><div class=\"mega-menu__panel\"><ul>";
    for (int i = rng->Int(4, 12); i > 0; --i) {
      *out += "<li><a href=\"/" + id + "/" + Hex(rng, 4) + "\" data-track=\"nav|" + id + "|" + std::to_string(i) +
              "\">" + rng->Pick(w.sections) + "</a></li>";
    }
    *out += "</ul>";
    if (rng->Chance(0.4)) *out += Svg(rng, 12);
    *out += "</div></li>\n";
  }
  *out += "</ul></nav></header>\n";
}

std::string AdSlot(const ChromeInput& in, Rng* rng) {
  std::string id = "div-gpt-ad-" + Num(rng, 100000, 999999) + "-" + Num(rng, 0, 9);
  return "<div class=\"ad-slot ad-slot--inread\" id=\"" + id + "\" data-ad-unit=\"/" + Num(rng, 1000, 99999) +
         "/news/article/inread\" style=\"min-height:250px\"><span class=\"ad-slot__label\">" +
         WordsFor(in.lang).ad + "</span><script>googletag.cmd.push(function(){googletag.display('" + id +
         "')});</script></div>\n";
}

void AppendCard(std::string* out, const Headline& h, const ChromeInput& in, Rng* rng) {
  std::string img = "https://img.example.test/" + Hex(rng, 16);
  *out += "<li class=\"card\"><a class=\"card__link\" href=\"/" + in.lang + "/" + h.slug + "-" + Num(rng, 1000, 99999) +
          ".html\" data-track=\"rel\"><picture class=\"card__media\"><source type=\"image/webp\" srcset=\"" + img +
          "/320.webp 320w, " + img + "/640.webp 640w\" sizes=\"(max-width: 600px) 100vw, 320px\"><img src=\"" + img +
          "/320.jpg\" alt=\"" + h.title + "\" width=\"320\" height=\"180\" loading=\"lazy\"></picture><h3 "
          "class=\"card__title\">" + h.title + "</h3>";
  if (rng->Chance(0.5)) *out += "<p class=\"card__teaser\">" + h.teaser + "</p>";
  *out += "<time class=\"card__time\">" + in.date + "</time></a></li>\n";
}

void AppendRelated(std::string* out, size_t budget, const ChromeInput& in, Rng* rng) {
  size_t end = out->size() + budget;
  while (out->size() < end && !in.headlines->empty()) {
    *out += "<section class=\"rel\" data-module=\"related\"><h2 class=\"rel__title\">" +
            rng->Pick(WordsFor(in.lang).lists) + "</h2><ul class=\"rel__list\">\n";
    for (int i = rng->Int(4, 12); i > 0 && out->size() < end; --i) AppendCard(out, rng->Pick(*in.headlines), in, rng);
    *out += "</ul></section>\n";
  }
}

void AppendFooter(std::string* out, size_t budget, const ChromeInput& in, Rng* rng) {
  const Words& w = WordsFor(in.lang);
  size_t end = out->size() + budget;
  *out += "<section class=\"comments\"><h2>" + w.comments + " (" + Num(rng, 0, 300) +
          ")</h2><form class=\"comments__form\"><textarea name=\"c\" rows=\"3\"></textarea><button>" + w.comments +
          "</button></form></section>\n<aside class=\"newsletter\"><p>" + w.newsletter +
          "</p><form><input type=\"email\" name=\"email\"><button type=\"submit\">" + w.subscribe +
          "</button></form></aside>\n<footer class=\"site-foot\"><div class=\"site-foot__cols\">";
  size_t links_end = out->size() + budget / 2;
  while (out->size() < links_end) {
    *out += "<div class=\"site-foot__col\"><h4>" + rng->Pick(w.sections) + "</h4><ul>";
    for (int i = rng->Int(4, 10); i > 0; --i)
      *out += "<li><a href=\"/" + Hex(rng, 6) + "\">" + rng->Pick(w.footer) + "</a></li>";
    *out += "</ul></div>";
  }
  *out += "</div><div class=\"site-foot__social\">";
  for (int i = rng->Int(3, 7); i > 0; --i) *out += "<a href=\"https://social.example.test/" + Hex(rng, 6) + "\">" + Svg(rng, 18) + "</a>";
  *out += "</div><p class=\"site-foot__copy\">© " + in.date.substr(0, 4) + " " + w.rights + "</p></footer>\n";
  for (int i = rng->Int(2, 8); i > 0; --i)
    *out += "<script async src=\"https://t" + Num(rng, 1, 9) + ".example.test/" + Hex(rng, 10) + ".js\"></script>";
  *out += "<noscript><img height=\"1\" width=\"1\" src=\"https://px.example.test/tr?id=" + Hex(rng, 12) + "\"></noscript>\n";
  while (out->size() < end) AppendScript(out, std::min<size_t>(end - out->size(), rng->Int(800, 12000)), rng);
}

}  // namespace

Chrome MakeChrome(const ChromeInput& in, size_t budget, Rng* rng) {
  Chrome c;
  for (int i = rng->Int(1, 3); i > 0; --i) c.in_body.push_back(AdSlot(in, rng));
  // Shares of the budget, drawn per page: head, menu, related lists, footer.
  double w[4] = {0.2 + 0.3 * rng->Real(), 0.1 + 0.2 * rng->Real(), 0.1 + 0.25 * rng->Real(), 0.1 + 0.2 * rng->Real()};
  double sum = w[0] + w[1] + w[2] + w[3];
  auto share = [&](int i) { return static_cast<size_t>(static_cast<double>(budget) * w[i] / sum); };
  AppendHead(&c.head, share(0), in, rng);
  AppendMenu(&c.top, share(1), in, rng);
  AppendRelated(&c.bottom, share(2), in, rng);
  if (rng->Chance(0.5)) c.bottom += AdSlot(in, rng);
  AppendFooter(&c.bottom, share(3), in, rng);
  return c;
}

}  // namespace dealwatch::bench
