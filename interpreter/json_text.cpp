// JSON string escaping: the escape of each byte that needs one, for strings
// appended to a std::string (runs of plain characters appended whole, found
// eight bytes at a time) and for the decision writers' raw buffers, which
// reach this only once copy_json_plain (json_text.hpp) has found an escape.
#include "json_text.hpp"

#include <cstdint>
#include <cstring>

namespace qualify {

namespace {

// The escape of one byte that needs one, at `p`; returns the end.
char* write_escape(char* p, unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    *p++ = '\\';
    switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
            std::memcpy(p, "u00", 3);
            p += 3;
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
    }
    return p;
}

}  // namespace

char* write_json_escaped(char* dst, std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (json_byte_needs_escape(c)) dst = write_escape(dst, c);
        else *dst++ = ch;
    }
    return dst;
}

void append_json_string(std::string& out, std::string_view s) {
    out.reserve(out.size() + s.size() + 2);
    out.push_back('"');
    size_t run = 0;  // start of the pending run of plain characters
    size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= s.size()) {
            uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if (!json_word_needs_escape(w)) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (!json_byte_needs_escape(c)) {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        run = ++i;
        char escape[6];
        out.append(escape, static_cast<size_t>(write_escape(escape, c) - escape));
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

}  // namespace qualify
