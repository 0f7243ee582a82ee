// A line of output built in a raw buffer (a decision's JSON, its summary, a
// CSV row): literals of known length are copied with a constant size, and
// the capacity is checked once per piece rather than per character. The
// first 4 KiB live on the stack, so a typical line costs no allocation
// until it is appended to the caller's string in one copy.
#pragma once

#include "interpreter/decimal_text.hpp"
#include "interpreter/json_text.hpp"

#include <cstddef>
#include <cstdint>
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
    // for one byte more. Plain text is checked and copied eight bytes at a
    // time, the last word overlapping the one before (every store stays
    // within s.size() bytes); the first byte that needs an escape hands the
    // rest to json_escaped().
    [[gnu::always_inline]] void json_chars_in_room(std::string_view s) {
        const size_t n = s.size();
        const char* src = s.data();
        size_t i = 0;
        uint64_t w;
        for (; i + 8 <= n; i += 8) {
            std::memcpy(&w, src + i, 8);
            if (json_word_needs_escape(w)) return json_escaped(s, i);
            std::memcpy(p_ + i, &w, 8);
        }
        if (i < n) {
            if (n >= 8) {
                std::memcpy(&w, src + n - 8, 8);
                if (json_word_needs_escape(w)) return json_escaped(s, i);
                std::memcpy(p_ + n - 8, &w, 8);
            } else {
                for (; i < n; ++i) {
                    const auto c = static_cast<unsigned char>(src[i]);
                    if (json_byte_needs_escape(c)) return json_escaped(s, i);
                    p_[i] = static_cast<char>(c);
                }
            }
        }
        p_ += n;
    }
    // json_chars_in_room from byte `from` of `s` on, the bytes before it
    // copied; leaves room for one byte more.
    void json_escaped(std::string_view s, size_t from);

    char stack_[4096];
    std::unique_ptr<char[]> heap_;
    char* begin_ = stack_;
    char* p_ = stack_;
    char* end_ = stack_ + sizeof stack_;
};

}  // namespace qualify
