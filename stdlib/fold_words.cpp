// Folding free text into comparable words (see fold_words.hpp).
#include "fold_words.hpp"

#include <cstdint>

namespace qualify::stdlib_text {
namespace {

// U+00C0..U+00FF, lower-case ASCII; '_' is not a letter (× and ÷), digits
// stand for the two-letter folds below.
constexpr std::string_view kLatin1 =
    "aaaaaa1ceeeeiiii"   // C0..CF (C6 Æ)
    "dnooooo_ouuuuy23"   // D0..DF (D7 ×, DE Þ, DF ß)
    "aaaaaa1ceeeeiiii"   // E0..EF (E6 æ)
    "dnooooo_ouuuuy2y";  // F0..FF (F7 ÷, FE þ)
// U+0100..U+017F; '4' is "ij", '5' is "oe".
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii44jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo55rrrrrrssssss"
    "sstttttttuuuuuuu"
    "uuuuwwyyyzzzzzzs";

std::string_view expand(char c) {
    switch (c) {
        case '1': return "ae";
        case '2': return "th";
        case '3': return "ss";
        case '4': return "ij";
        case '5': return "oe";
        default: return {};
    }
}

// Decodes one UTF-8 sequence at s[i]. An invalid byte reads as a space (lead
// text is validated by the readers and literals by the parser, so this is
// only a guard).
uint32_t decode(std::string_view s, size_t i, size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    len = 1;
    if (b < 0x80) return b;
    size_t extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + extra >= s.size()) return ' ';
    uint32_t cp = b & (0x3F >> extra);
    for (size_t k = 1; k <= extra; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return ' ';
        cp = (cp << 6) | (c & 0x3F);
    }
    len = extra + 1;
    return cp;
}

}  // namespace

std::vector<std::string> fold_words(std::string_view s) {
    // Pass 1: folded letters, with ' ' for a separator and '.' for a dot.
    std::string folded;
    folded.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        uint32_t cp = decode(s, i, len);
        std::string_view raw = s.substr(i, len);
        i += len;
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') folded += static_cast<char>(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') folded += c;
            else if (c == '&') folded += " and ";
            else if (c != '\'') folded += ' ';  // an apostrophe joins: O'Reilly
        } else if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '_') {
            char f = kLatin1[cp - 0xC0];
            folded += expand(f).empty() ? std::string_view(&f, 1) : expand(f);
        } else if (cp >= 0x100 && cp <= 0x17F) {
            char f = kLatinExtA[cp - 0x100];
            folded += expand(f).empty() ? std::string_view(&f, 1) : expand(f);
        } else if (cp == 0x2019) {
            // ’ as an apostrophe joins too.
        } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xD7 || cp == 0xF7) {
            folded += ' ';
        } else {
            folded += raw;
        }
    }
    // Pass 2: words, each noting whether a dot followed it.
    struct Piece {
        std::string text;
        bool dotted;
    };
    std::vector<Piece> pieces;
    for (size_t i = 0; i < folded.size();) {
        if (folded[i] == ' ' || folded[i] == '.') {
            if (folded[i] == '.' && !pieces.empty() && i > 0 && folded[i - 1] != ' ') pieces.back().dotted = true;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < folded.size() && folded[j] != ' ' && folded[j] != '.') ++j;
        pieces.push_back({folded.substr(i, j - i), false});
        i = j;
    }
    // Pass 3: dotted single letters join ("s.a." → "sa"); "sr.manager" and
    // "j. smith" stay apart.
    std::vector<std::string> words;
    for (size_t i = 0; i < pieces.size();) {
        size_t j = i;
        std::string joined;
        while (j < pieces.size() && pieces[j].text.size() == 1 && (pieces[j].dotted || (j > i && pieces[j - 1].dotted)))
        {
            joined += pieces[j].text;
            bool last = !pieces[j].dotted;
            ++j;
            if (last) break;
        }
        if (j - i >= 2) {
            words.push_back(joined);
            i = j;
        } else {
            words.push_back(pieces[i].text);
            ++i;
        }
    }
    return words;
}

}  // namespace qualify::stdlib_text
