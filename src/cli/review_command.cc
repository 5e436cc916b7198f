// dealwatch review accept|reject|edit DEAL_ID [--field NAME=VALUE]... [--note TEXT] [--db FILE]
// Records an analyst's decision on a deal. Rejected deals leave v_deals;
// edited values win over extracted ones in every later run.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/strings.h"
#include "pipeline/run_config.h"
#include "pipeline/run_lock.h"
#include "store/deal_store.h"

namespace dealwatch {

namespace {

struct ReviewOptions {
  std::string decision;
  int64_t deal_id = 0;
  std::vector<std::string> fields;
  std::string note;
  std::string db;
};

int RunReview(const GlobalOptions& global, const ReviewOptions& opts) {
  ApplyGlobalOptions(global);
  std::string path = opts.db.empty() ? (DefaultStateDir() / "deals.db").string() : opts.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Fail(NotFound(path + ": no such database"));
  DealReview review;
  review.decision = opts.decision;
  review.note = opts.note;
  for (const std::string& f : opts.fields) {
    size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0)
      return Fail(InvalidArgument("--field " + f + ": expected NAME=VALUE (e.g. amount=14000000000)"));
    review.fields.emplace_back(std::string(Trim(f.substr(0, eq))), std::string(Trim(f.substr(eq + 1))));
  }
  if (opts.decision == "edit" && review.fields.empty())
    return Fail(InvalidArgument("review edit: give at least one --field NAME=VALUE"));
  // A nightly run holds the lock while it writes; wait for it rather than race.
  Result<std::unique_ptr<RunLock>> lock = RunLock::Acquire(path);
  if (!lock.ok()) {
    std::fprintf(stderr, "dealwatch: %s\n", lock.status().message().c_str());
    return kExitLocked;
  }
  Result<std::unique_ptr<DealStore>> store = DealStore::Open(path);
  if (!store.ok()) return Fail(store.status());
  Status s = (*store)->ReviewDeal(opts.deal_id, review);
  if (!s.ok()) return Fail(s);
  std::printf("deal %lld: %s recorded\n", static_cast<long long>(opts.deal_id), opts.decision.c_str());
  return kExitOk;
}

}  // namespace

void RegisterReviewCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ReviewOptions>();
  CLI::App* cmd = app.add_subcommand(
      "review",
      "Record an analyst's decision on a deal: accept, reject (it leaves v_deals) or edit (the values given win\n"
      "over extracted ones in every later run). The report marks reviewed deals.");
  cmd->add_option("decision", opts->decision, "accept, reject or edit")
      ->required()
      ->check(CLI::IsMember({"accept", "reject", "edit"}));
  cmd->add_option("deal_id", opts->deal_id, "The deal (v_deals.deal_id)")->required();
  cmd->add_option("--field", opts->fields,
                  "NAME=VALUE for edit; names: borrower, amount, currency, type, project, tenor_years, pricing, status");
  cmd->add_option("--note", opts->note, "Why (kept with the decision)");
  cmd->add_option("--db", opts->db, "Deal database (default: ~/.local/share/dealwatch/deals.db)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunReview(global, *opts); });
}

}  // namespace dealwatch
