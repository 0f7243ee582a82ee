// Writing JSON text by hand: escaping strings. Decisions are written without
// a DOM so that output keeps pace with evaluation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qualify {

// Whether any of the eight bytes of `w` is below 0x20, '"' or '\\' (the
// bytes JSON requires escaped). Bytes of 0x80 and above (UTF-8) never match:
// their high bit is cleared by `~w`.
inline bool json_word_needs_escape(uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHighs = 0x8080808080808080ULL;
    const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;
    const uint64_t q = w ^ (kOnes * '"');
    const uint64_t b = w ^ (kOnes * '\\');
    const uint64_t quote = (q - kOnes) & ~q & kHighs;
    const uint64_t backslash = (b - kOnes) & ~b & kHighs;
    return (below_space | quote | backslash) != 0;
}

inline bool json_byte_needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Appends `s` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

inline std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

}  // namespace qualify
