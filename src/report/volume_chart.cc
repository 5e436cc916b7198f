#include "report/volume_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "common/strings.h"

namespace dealwatch {

namespace {

constexpr double kWidth = 760, kHeight = 260;
constexpr double kLeft = 64, kRight = 12, kTop = 12, kBottom = 56;
constexpr const char* kColours[] = {"#3b6fb6", "#e08a2c", "#4c9a5b", "#b6433b", "#7a5ab0", "#2f9aa0"};
constexpr int kNamedCurrencies = 6;  // the rest share one grey "other"

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

long ParseDay(const std::string& ymd) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(ymd.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return 0;
  return DaysFromCivil(y, m, d);
}

// A round axis maximum: 1, 2 or 5 times a power of ten, at least `v`.
double NiceMax(double v) {
  if (v <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * p >= v) return f * p;
  return 10 * p;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Label(double v, bool usd) {
  if (usd) return ShortUsd(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

}  // namespace

std::string ShortUsd(double amount) {
  char buf[48];
  double a = std::fabs(amount);
  if (a >= 1e9) std::snprintf(buf, sizeof buf, "US$%.3gbn", amount / 1e9);
  else if (a >= 1e6) std::snprintf(buf, sizeof buf, "US$%.3gm", amount / 1e6);
  else if (a >= 1e3) std::snprintf(buf, sizeof buf, "US$%.3gk", amount / 1e3);
  else std::snprintf(buf, sizeof buf, "US$%.0f", amount);
  return buf;
}

namespace {

// The frame every part of the chart is drawn in.
struct Frame {
  long first = 0;  // day number of the first week's Monday
  int weeks = 0;
  double top = 1;  // the value at the top of the y axis
  double plot_h = kHeight - kTop - kBottom, bar_w = 0;
  bool usd = false;
  double Value(const VolumePoint& p) const { return usd ? p.amount_usd.value_or(0) : double(p.deals); }
  int Week(const VolumePoint& p) const { return static_cast<int>((ParseDay(p.week) - first) / 7); }
};

std::string Axes(const Frame& f) {
  std::string o;
  for (int i = 0; i <= 4; ++i) {  // grid lines and y labels
    double y = kTop + f.plot_h - f.plot_h * i / 4;
    o += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kWidth - kRight) + "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) +
         "\" stroke=\"#dde1ea\"/><text x=\"" + Num(kLeft - 6) + "\" y=\"" + Num(y + 4) +
         "\" text-anchor=\"end\" font-size=\"11\">" + HtmlEscape(Label(f.top * i / 4, f.usd)) + "</text>";
  }
  int step = std::max(1, f.weeks / 8);  // at most about 8 date labels
  for (int w = 0; w < f.weeks; w += step)
    o += "<text x=\"" + Num(kLeft + w * f.bar_w + f.bar_w / 2) + "\" y=\"" + Num(kTop + f.plot_h + 16) +
         "\" text-anchor=\"middle\" font-size=\"11\">" + CivilFromDays(f.first + 7L * w) + "</text>";
  return o;
}

std::string Bars(const Frame& f, const std::vector<VolumePoint>& points, std::map<std::string, int>& colour) {
  std::string o;
  std::vector<double> base(f.weeks, 0);
  for (const VolumePoint& p : points) {
    int w = f.Week(p);
    double h = f.plot_h * f.Value(p) / f.top;
    if (h <= 0) continue;
    double y = kTop + f.plot_h - f.plot_h * base[w] / f.top - h;
    base[w] += f.Value(p);
    o += "<rect x=\"" + Num(kLeft + w * f.bar_w + 0.5) + "\" y=\"" + Num(y) + "\" width=\"" +
         Num(std::max(1.0, f.bar_w - 1)) + "\" height=\"" + Num(h) + "\" fill=\"" +
         (colour[p.currency] < kNamedCurrencies ? kColours[colour[p.currency]] : "#999") + "\"><title>" +
         HtmlEscape("week of " + p.week + ": " + (p.currency.empty() ? "no currency" : p.currency) + ", " +
                    std::to_string(p.deals) + (p.deals == 1 ? " deal" : " deals") +
                    (p.amount_usd ? ", " + ShortUsd(*p.amount_usd) : "")) +
         "</title></rect>";
  }
  return o;
}

std::string Legend(const std::vector<std::pair<std::string, double>>& order) {
  std::string o;
  double x = kLeft;
  for (size_t i = 0; i < order.size() && i <= static_cast<size_t>(kNamedCurrencies); ++i) {
    bool other = i == static_cast<size_t>(kNamedCurrencies);
    std::string name = other ? "other" : (order[i].first.empty() ? "no currency" : order[i].first);
    o += "<rect x=\"" + Num(x) + "\" y=\"" + Num(kHeight - 18) + "\" width=\"10\" height=\"10\" fill=\"" +
         (other ? "#999" : kColours[i]) + "\"/><text x=\"" + Num(x + 14) + "\" y=\"" + Num(kHeight - 9) +
         "\" font-size=\"11\">" + HtmlEscape(name) + "</text>";
    x += 24 + 7.0 * name.size();
  }
  return o;
}

}  // namespace

std::string VolumeChartSvg(const std::vector<VolumePoint>& points, bool usd) {
  if (points.empty()) return "";
  Frame f;
  f.usd = usd;
  f.first = ParseDay(points.front().week);
  long last = f.first;
  std::map<std::string, double> by_currency;
  for (const VolumePoint& p : points) {
    by_currency[p.currency] += f.Value(p);
    f.first = std::min(f.first, ParseDay(p.week));
    last = std::max(last, ParseDay(p.week));
  }
  // Currencies by volume: the largest get the named colours.
  std::vector<std::pair<std::string, double>> order(by_currency.begin(), by_currency.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::map<std::string, int> colour;  // currency -> palette index (kNamedCurrencies: other)
  for (size_t i = 0; i < order.size(); ++i) colour[order[i].first] = std::min<int>(static_cast<int>(i), kNamedCurrencies);
  f.weeks = static_cast<int>((last - f.first) / 7) + 1;
  std::vector<double> totals(f.weeks, 0);
  for (const VolumePoint& p : points) totals[f.Week(p)] += f.Value(p);
  f.top = NiceMax(*std::max_element(totals.begin(), totals.end()));
  f.bar_w = (kWidth - kLeft - kRight) / f.weeks;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + Num(kWidth) + " " +
         Num(kHeight) + "\" role=\"img\" aria-label=\"Deal volume by week and currency\">" + Axes(f) +
         Bars(f, points, colour) + Legend(order) + "</svg>";
}

}  // namespace dealwatch
