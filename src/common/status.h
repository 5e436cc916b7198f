// Status and Result<T>: how dealwatch code reports failure without throwing.
// A Status is a code plus a message written "context: cause"
// (e.g. "rules/zh/amount.rules:14: zh.amount.yi: missing )").
// Result<T> holds either a T or a non-OK Status (GCC 12 has no std::expected).
// Both are plain values: cheap to move, safe to copy, not thread-affine.
#ifndef DEALWATCH_COMMON_STATUS_H_
#define DEALWATCH_COMMON_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dealwatch {

enum class Code {
  kOk = 0,
  kInvalidArgument,  // bad rules, config, flags or input format
  kNotFound,         // a file, row or resource does not exist
  kUnavailable,      // transient: network, lock held, try again later
  kDataError,        // undecodable or corrupt input
  kInternal,         // a bug or an unexpected library failure
};

// Returns "ok", "invalid argument", ... for messages and logs.
const char* CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: rules/x.rules:3: ..." (or "ok").
  std::string ToString() const;
  // Returns a copy whose message is "context: message".
  Status WithContext(const std::string& context) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
inline Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
inline Status DataError(std::string m) { return {Code::kDataError, std::move(m)}; }
inline Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(value_).ok() && "Result needs a non-OK status");
  }

  bool ok() const { return std::holds_alternative<T>(value_); }
  // REQUIRES for the accessors: ok().
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(value_); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace dealwatch

// Returns the status from the enclosing function when it is not OK.
#define DW_RETURN_IF_ERROR(expr)          \
  do {                                    \
    ::dealwatch::Status dw_s_ = (expr);   \
    if (!dw_s_.ok()) return dw_s_;        \
  } while (0)

#endif  // DEALWATCH_COMMON_STATUS_H_
