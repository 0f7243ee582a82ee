// Writing JSON text by hand: escaping strings. Decisions are written without
// a DOM so that output keeps pace with evaluation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

#if defined(__SSE2__)
// 0xff in each byte of `v` that JSON requires escaped. '"' (0x22) xor 2 is
// 0x20 and the control bytes xor 2 stay below 0x20, so one unsigned
// compare finds both; UTF-8 bytes (0x80 and above) stay above it.
[[gnu::always_inline]] inline __m128i json_escape_bytes(__m128i v) {
    const __m128i flipped = _mm_xor_si128(v, _mm_set1_epi8(2));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(flipped, _mm_set1_epi8(0x20)), flipped);
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return _mm_or_si128(low, backslash);
}
// One bit per byte of `v` that JSON requires escaped.
[[gnu::always_inline]] inline int json_escape_mask(__m128i v) { return _mm_movemask_epi8(json_escape_bytes(v)); }
#endif

// Copies the `n` bytes at `src` to `dst` and returns true when none needs a
// JSON escape, the common case for every string a decision holds. Returns
// false when one does; `dst` then holds an unspecified part of the copy.
// Reads stay within the `n` source bytes and writes within the `n` at `dst`:
// a string shorter than a register is tested as two overlapping halves (or,
// below four bytes, as its first, middle and last byte), a longer one in
// sixteen-byte blocks, the last two tested at once and overlapping.
[[gnu::always_inline]] inline bool copy_json_plain(char* dst, const char* src, size_t n) {
#if defined(__SSE2__)
    if (n > 16) {
        // Blocks of sixteen until at most 32 bytes are left, then those as
        // two blocks tested together, the second overlapping the first.
        size_t i = 0;
        for (; i + 32 < n; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
            if (json_escape_mask(v)) return false;
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), v);
        }
        const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + n - 16));
        if (_mm_movemask_epi8(_mm_or_si128(json_escape_bytes(head), json_escape_bytes(tail)))) return false;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), head);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + n - 16), tail);
        return true;
    }
    if (n == 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
        if (json_escape_mask(v)) return false;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), v);
        return true;
    }
    if (n >= 8) {
        uint64_t head, tail;
        std::memcpy(&head, src, 8);
        std::memcpy(&tail, src + n - 8, 8);
        if (json_escape_mask(_mm_set_epi64x(static_cast<long long>(tail), static_cast<long long>(head)))) return false;
        std::memcpy(dst, &head, 8);
        std::memcpy(dst + n - 8, &tail, 8);
        return true;
    }
    if (n >= 4) {
        uint32_t head, tail;
        std::memcpy(&head, src, 4);
        std::memcpy(&tail, src + n - 4, 4);
        const uint64_t both = head | (static_cast<uint64_t>(tail) << 32);
        if (json_escape_mask(_mm_cvtsi64_si128(static_cast<long long>(both))) & 0xff) return false;
        std::memcpy(dst, &head, 4);
        std::memcpy(dst + n - 4, &tail, 4);
        return true;
    }
    if (n) {
        const auto first = static_cast<unsigned char>(src[0]);
        const auto middle = static_cast<unsigned char>(src[n / 2]);
        const auto last = static_cast<unsigned char>(src[n - 1]);
        const uint32_t three = first | (middle << 8) | (static_cast<uint32_t>(last) << 16);
        if (json_escape_mask(_mm_cvtsi32_si128(static_cast<int>(three))) & 0x7) return false;
        dst[0] = static_cast<char>(first);
        dst[n / 2] = static_cast<char>(middle);
        dst[n - 1] = static_cast<char>(last);
    }
    return true;
#else
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, src + i, 8);
        if (json_word_needs_escape(w)) return false;
        std::memcpy(dst + i, &w, 8);
    }
    for (; i < n; ++i) {
        if (json_byte_needs_escape(static_cast<unsigned char>(src[i]))) return false;
        dst[i] = src[i];
    }
    return true;
#endif
}

// Writes `s` escaped for the inside of a JSON string at `dst`, which has
// room for 6 * s.size() bytes ("\u001f" per control byte), and returns the
// end.
char* write_json_escaped(char* dst, std::string_view s);

// Appends `s` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

inline std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

}  // namespace qualify
