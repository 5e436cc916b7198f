// Credential redaction for text that leaves the process: log lines, the run
// tables (runs.config, runs.stats, run_errors) and so the reports. Fetching
// always uses the real URL; only what is written down is redacted.
//
// The rule: in a URL, the user info ("user:pass@") becomes "***@", and the
// value of every credential-like query (or fragment) parameter becomes
// "***"; the rest of the URL is kept as written:
//   RedactUrl("https://u:pw@x.test/feed?id=7&api_key=abc#t")
//     == "https://***@x.test/feed?id=7&api_key=***#t"
// Credential-like names (ASCII case-insensitive, percent escapes decoded):
// those ending in token, secret, password, passwd, apikey, accesskey,
// secretkey, privatekey, signature, sessionid, sessid, credential or
// credentials (access_token, client_secret, X-Amz-Signature, PHPSESSID);
// key, pass, pwd, auth, sig, session and jwt, alone or after "_", "-" or
// "." (api_key, x-api-key, oauth_sig). Not: keyword, monkey, bypass, author.
// Secrets in the path itself ("/bot<token>/") are not recognised.
// Pure functions; thread-safe.
#ifndef DEALWATCH_COMMON_REDACT_H_
#define DEALWATCH_COMMON_REDACT_H_

#include <string>
#include <string_view>

namespace dealwatch {

// What a redacted value or user info is replaced by.
inline constexpr std::string_view kRedacted = "***";

// True for a query parameter name that carries a credential (see above).
// `name` is as written: percent escapes are decoded before comparing.
bool IsSecretParam(std::string_view name);

// `url` with its user info and the values of credential-like parameters
// replaced (see above). Text that is not a URL with "://" is returned as is.
std::string RedactUrl(std::string_view url);

// `text` with every "scheme://..." URL in it redacted by RedactUrl. A URL
// ends at whitespace, a quote, '<', '>', '`' or a control character.
std::string RedactUrls(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_REDACT_H_
