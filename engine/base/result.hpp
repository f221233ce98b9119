// Result<T>: how base kernels report a Python exception (type name + message) without throwing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ll::base {

// A Python exception the caller should raise: `type` is the builtin's name ("ValueError",
// "TypeError", "OverflowError", "ZeroDivisionError", "IndexError", ...), `message` its str().
struct Error {
    std::string_view type;
    std::string message;
};

// Either a value or an Error. Kernels sit on the VM's hot path, so this is a plain variant:
// no exceptions, no allocation on success beyond what T itself needs.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, `return value;`
    Result(Error error) : v_(std::move(error)) {}  // NOLINT

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

inline Error value_error(std::string message) { return Error{"ValueError", std::move(message)}; }
inline Error type_error(std::string message) { return Error{"TypeError", std::move(message)}; }
inline Error overflow_error(std::string message) { return Error{"OverflowError", std::move(message)}; }
inline Error zero_division_error(std::string message) {
    return Error{"ZeroDivisionError", std::move(message)};
}

}  // namespace ll::base
