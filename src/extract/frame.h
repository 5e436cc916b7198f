// Frame: what one clause says about a deal (the second extraction layer).
// Built by ReadClause from rule hits and cue words; the assembler merges the
// frames of an article into deals. Plain data.
#ifndef DEALWATCH_EXTRACT_FRAME_H_
#define DEALWATCH_EXTRACT_FRAME_H_

#include <optional>
#include <string>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {

// A value found in a clause and the rule (or cue table) that gave it.
struct Slot {
  std::string value;  // normalised text or a label ("signed")
  Span span;          // where, in the normalised text (empty for labels)
  std::string rule;   // rule id, or "<table>:<phrase>" for a cue word
  bool set() const { return !value.empty(); }
};

struct FrameLender {
  int mention = -1;  // index in ArticleMentions::items
  std::string role;  // lead_arranger, agent, participant, lender
  std::string rule;  // rule that gave the role ("default" when none did)
};

struct Frame {
  int sentence = 0;             // index of the sentence
  Span clause;                  // normalised text
  bool blocked = false;         // a not_deal rule or cue fired: no deal from here
  std::string blocked_by;       // the not_deal value ("ranking", "statistics", ...) or "rule"
  bool trigger = false;         // a deal-type word or a deal rule is present
  bool strong_trigger = false;  // the type word names a loan (not just "financing")
  bool anaphoric = false;       // "本联贷案", "the facility": refers to an earlier deal
  std::optional<int> money;     // mention index of the deal amount
  std::string money_rule;
  bool money_is_part = false;   // the amount is a tranche ("甲項", "including a $202m")
  bool money_previous = false;  // a loan being refinanced or replaced: a deal of its own
  bool money_replaces = false;  // the amount is the debt part of a package read before
                                // ("$29bn … comprises about $26bn of debt"): it wins
  Slot borrower, type, project, status, pricing;
  std::optional<double> tenor_years;
  std::string tenor_rule;
  std::vector<FrameLender> lenders;
  double confidence = 0.0;      // of the strongest deal rule that fired, else 0
  std::vector<std::string> rules_fired;
};

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_FRAME_H_
