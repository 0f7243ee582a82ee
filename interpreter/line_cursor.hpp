// A LineBuilder's write position held in a local while one writer fills a
// line (decision_json.cpp, decision_summary.cpp). LineBuilder checks its
// capacity and stores its position at every piece; a cursor instead checks
// once per group of pieces whose size is bounded in advance (ensure), and,
// being a local whose address never escapes, lives in registers. The
// bound counts each string at its escaped worst case (kMaxEscaped bytes a
// byte): a line is far smaller than the builder's stack buffer, so the
// slack costs nothing, and an escape never has to make room mid-group.
#pragma once

#include "interpreter/line_builder.hpp"

namespace qualify {

// Bytes a byte of text may take escaped in JSON ("\u001f").
inline constexpr size_t kMaxEscaped = 6;

class LineCursor {
public:
    // Writes from the builder's end; commit() hands the position back.
    explicit LineCursor(LineBuilder& b) : b_(b), begin_(b.begin_), p_(b.p_), end_(b.end_) {}
    LineCursor(const LineCursor&) = delete;
    LineCursor& operator=(const LineCursor&) = delete;

    void commit() { b_.p_ = p_; }
    // Takes the position back after the builder was written directly.
    void reload() {
        begin_ = b_.begin_;
        p_ = b_.p_;
        end_ = b_.end_;
    }

    // Room for `n` more bytes, strings counted at kMaxEscaped a byte.
    [[gnu::always_inline]] void ensure(size_t n) {
        if (static_cast<size_t>(end_ - p_) < n) {
            grow(b_, p_, n);
            reload();
        }
    }

    // The writes below take the room ensure() made.
    template <size_t N>
    [[gnu::always_inline]] void lit(const char (&text)[N]) {
        std::memcpy(p_, text, N - 1);
        p_ += N - 1;
    }
    [[gnu::always_inline]] void put(char c) { *p_++ = c; }
    [[gnu::always_inline]] void bytes(std::string_view s) {
        if (s.empty()) return;  // a default view's data() is null: not for memcpy
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    // `s` escaped for the inside of a JSON string (kMaxEscaped * s.size()
    // of the room).
    [[gnu::always_inline]] void json_chars(std::string_view s) {
        if (copy_json_plain(p_, s.data(), s.size())) p_ += s.size();
        else p_ = write_json_escaped(p_, s);  // rare: a quote or a line break in a label or an id
    }
    // `s` quoted (kMaxEscaped * s.size() + 2 of the room).
    [[gnu::always_inline]] void json_string(std::string_view s) {
        put('"');
        json_chars(s);
        put('"');
    }
    // kMaxDecimalText of the room each.
    [[gnu::always_inline]] void fixed(const Decimal& v, int places) { p_ = write_fixed(p_, v, places); }
    [[gnu::always_inline]] void shortest(const Decimal& v) { p_ = write_shortest(p_, v); }

    // Where the next byte goes, as an offset in the line (stable when the
    // builder grows).
    size_t offset() const { return static_cast<size_t>(p_ - begin_); }
    // Copies `size` bytes written earlier in this line at `at`; takes
    // size + 16 of the room. Up to 32 bytes are copied as one or two
    // constant-size blocks (the second overlapping the first), which may
    // write past `size`: bytes that what follows overwrites.
    [[gnu::always_inline]] void repeat(size_t at, size_t size) {
        const char* from = begin_ + at;
        if (size <= 32 && at + 32 <= offset()) {  // the blocks read only what was written before p_
            std::memcpy(p_, from, 16);
            if (size > 16) std::memcpy(p_ + size - 16, from + size - 16, 16);
        } else {
            std::memcpy(p_, from, size);
        }
        p_ += size;
    }

    char back() const { return p_[-1]; }
    void pop_back() { --p_; }

private:
    // Room for `n` bytes from `p`, left in the builder, whence reload()
    // takes it: the cursor's address never leaves the writer, so the
    // compiler may keep it in registers.
    [[gnu::noinline]] static void grow(LineBuilder& b, char* p, size_t n);

    LineBuilder& b_;
    char* begin_;  // the builder's, for offsets
    char* p_;
    char* end_;
};

}  // namespace qualify
