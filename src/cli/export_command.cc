// dealwatch export [--db FILE] [--format jsonl|csv] [-o FILE]
// Every deal with its lenders and sources, for other tools. Read-only.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/run_config.h"
#include "store/database.h"

namespace dealwatch {

namespace {

struct ExportOptions {
  std::string db;
  std::string format = "jsonl";
  std::string output;
};

Result<nlohmann::json> LoadRows(Database* db, const std::string& sql, int64_t deal_id) {
  Result<Statement> st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  st->Bind(1, deal_id);
  nlohmann::json rows = nlohmann::json::array();
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    nlohmann::json r = nlohmann::json::object();
    for (int c = 0; c < st->ColumnCount(); ++c) r[st->ColumnName(c)] = st->IsNull(c) ? nlohmann::json() : nlohmann::json(st->Text(c));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int RunExport(const GlobalOptions& global, const ExportOptions& opts) {
  ApplyGlobalOptions(global);
  std::string path = opts.db.empty() ? (DefaultStateDir() / "deals.db").string() : opts.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Fail(NotFound(path + ": no such database"));
  Result<Database> db = Database::Open(path, /*read_only=*/true);
  if (!db.ok()) return Fail(db.status());
  Result<Statement> deals = db->Prepare(
      "SELECT deal_id, borrower, amount, currency, type, project, tenor_years, status, confidence, first_seen, "
      "last_seen, source_count FROM v_deals ORDER BY deal_id");
  if (!deals.ok()) return Fail(deals.status());
  std::ofstream file;
  if (!opts.output.empty() && opts.output != "-") {
    file.open(opts.output);
    if (!file) return Fail(Unavailable(opts.output + ": cannot write"));
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
  if (opts.format == "csv")
    out << "deal_id,borrower,amount,currency,type,project,tenor_years,status,confidence,first_seen,last_seen,"
           "lenders,source_urls\n";
  while (true) {
    Result<bool> row = deals->Step();
    if (!row.ok()) return Fail(row.status());
    if (!*row) break;
    int64_t id = deals->Int(0);
    Result<nlohmann::json> lenders = LoadRows(&*db, "SELECT lender, role FROM v_deal_lenders WHERE deal_id = ?", id);
    Result<nlohmann::json> sources =
        LoadRows(&*db, "SELECT url, title, published, lang, evidence FROM v_deal_sources WHERE deal_id = ?", id);
    if (!lenders.ok()) return Fail(lenders.status());
    if (!sources.ok()) return Fail(sources.status());
    auto value = [&](int c) { return deals->IsNull(c) ? nlohmann::json() : nlohmann::json(deals->Text(c)); };
    if (opts.format == "csv") {
      std::string lender_list, urls;
      for (const auto& l : *lenders)
        lender_list += (lender_list.empty() ? "" : "; ") + l["lender"].get<std::string>() + " (" +
                       l["role"].get<std::string>() + ")";
      for (const auto& s : *sources) urls += (urls.empty() ? "" : " ") + s["url"].get<std::string>();
      std::string line = std::to_string(id);
      for (int c = 1; c <= 10; ++c) line += "," + Csv(deals->Text(c));
      out << line << "," << Csv(lender_list) << "," << Csv(urls) << "\n";
      continue;
    }
    nlohmann::json j = {{"deal_id", id}};
    const char* names[] = {"", "borrower", "amount", "currency", "type", "project", "tenor_years", "status", "confidence",
                           "first_seen", "last_seen", "source_count"};
    for (int c = 1; c <= 11; ++c) j[names[c]] = value(c);
    if (!deals->IsNull(2)) j["amount"] = deals->Double(2);
    if (!deals->IsNull(6)) j["tenor_years"] = deals->Double(6);
    j["confidence"] = deals->Double(8);
    j["source_count"] = deals->Int(11);
    j["lenders"] = *lenders;
    j["sources"] = *sources;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterExportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write every deal with its lenders and sources (read-only)");
  cmd->add_option("--db", opts->db, "Deal database (default: ~/.local/share/dealwatch/deals.db)");
  cmd->add_option("--format", opts->format, "jsonl (default): one deal per line; csv: one row per deal")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExport(global, *opts); });
}

}  // namespace dealwatch
