// A line of output built in a raw buffer (a decision's JSON, its summary, a
// CSV row): literals of known length are copied with a constant size, and
// the capacity is checked once per piece rather than per character. The
// first 4 KiB live on the stack, so a typical line costs no allocation
// until it is appended to the caller's string in one copy.
#pragma once

#include "interpreter/decimal_text.hpp"
#include "interpreter/json_text.hpp"

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace qualify {

class LineBuilder {
public:
    LineBuilder() = default;
    LineBuilder(const LineBuilder&) = delete;
    LineBuilder& operator=(const LineBuilder&) = delete;

    // Room for `n` more bytes.
    void reserve(size_t n) {
        if (static_cast<size_t>(end_ - p_) < n) grow(n);
    }
    // A string literal, without its terminating NUL.
    template <size_t N>
    void lit(const char (&text)[N]) {
        reserve(N - 1);
        std::memcpy(p_, text, N - 1);
        p_ += N - 1;
    }
    void put(char c) {
        reserve(1);
        *p_++ = c;
    }
    void bytes(std::string_view s) {
        if (s.empty()) return;  // a default view's data() is null: not for memcpy
        reserve(s.size());
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void fixed(const Decimal& v, int places) {
        reserve(kMaxDecimalText);
        p_ = write_fixed(p_, v, places);
    }
    void shortest(const Decimal& v) {
        reserve(kMaxDecimalText);
        p_ = write_shortest(p_, v);
    }
    // `s` escaped for the inside of a JSON string (no quotes added).
    void json_chars(std::string_view s) {
        reserve(s.size() + 1);
        json_chars_in_room(s);
    }
    // `s` as a quoted JSON string: one capacity check for the whole string
    // when it needs no escape.
    void json_string(std::string_view s) {
        reserve(s.size() + 2);
        *p_++ = '"';
        json_chars_in_room(s);
        *p_++ = '"';
    }

    // Room for `n` bytes written by the caller at the pointer returned,
    // who then passes the end of what it wrote to commit().
    char* room(size_t n) {
        reserve(n);
        return p_;
    }
    void commit(char* end) { p_ = end; }

    size_t size() const { return static_cast<size_t>(p_ - begin_); }
    const char* data() const { return begin_; }
    std::string_view view() const { return {begin_, size()}; }
    std::string_view view_from(size_t offset) const { return {begin_ + offset, size() - offset}; }
    // Drops everything from `offset` on.
    void truncate(size_t offset) { p_ = begin_ + offset; }
    char back() const { return p_[-1]; }
    void pop_back() { --p_; }

    void append_to(std::string& out) const { out.append(begin_, size()); }

private:
    void grow(size_t n);
    // json_chars where room for s.size() + 1 bytes is reserved; leaves room
    // for one byte more. Plain text is copied in one pass (copy_json_plain);
    // text with a byte to escape is written again by json_escaped().
    [[gnu::always_inline]] void json_chars_in_room(std::string_view s) {
        if (copy_json_plain(p_, s.data(), s.size())) p_ += s.size();
        else json_escaped(s);
    }
    // `s` escaped at p_, with room for one byte more.
    void json_escaped(std::string_view s);

    friend class LineCursor;  // line_cursor.hpp: writes at p_ from a register

    char stack_[4096];
    std::unique_ptr<char[]> heap_;
    char* begin_ = stack_;
    char* p_ = stack_;
    char* end_ = stack_ + sizeof stack_;
};

}  // namespace qualify
