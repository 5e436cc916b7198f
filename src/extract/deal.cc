#include "extract/deal.h"

#include <array>
#include <string_view>

namespace dealwatch {

namespace {
template <size_t N>
bool In(const std::array<std::string_view, N>& set, const std::string& v) {
  for (std::string_view s : set)
    if (s == v) return true;
  return false;
}
}  // namespace

bool IsKnownDealType(const std::string& type) {
  static constexpr std::array<std::string_view, 11> kTypes = {
      "syndicated_loan", "term_loan",   "revolving_credit_facility", "bridge_loan", "construction_loan", "credit_line",
      "private_credit",  "bond",        "green_loan",                "sustainability_linked_loan", "loan"};
  return In(kTypes, type);
}

bool IsKnownStatus(const std::string& status) {
  static constexpr std::array<std::string_view, 5> kStatus = {"signed", "closed", "in_talks", "planned", "unknown"};
  return In(kStatus, status);
}

bool IsKnownRole(const std::string& role) {
  static constexpr std::array<std::string_view, 4> kRoles = {"lead_arranger", "agent", "participant", "lender"};
  return In(kRoles, role);
}

}  // namespace dealwatch
