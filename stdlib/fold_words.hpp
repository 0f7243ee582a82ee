// Folding free text (company names, job titles) into comparable words:
// lower case, Latin diacritics folded to ASCII, punctuation dropped. Shared
// by companies.cpp and titles.cpp so both read text the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qualify::stdlib_text {

// The words of s, in order:
//  - ASCII letters lower-cased; Latin-1 and Latin Extended-A letters folded
//    to ASCII ("Ä" → "a", "ß" → "ss", "Œ" → "oe", "ł" → "l");
//  - apostrophes dropped inside a word ("O'Reilly" → "oreilly");
//  - "&" is the word "and" ("Johnson & Johnson" = "Johnson and Johnson");
//  - dotted single letters joined ("S.A." → "sa", "V.P." → "vp"); any other
//    dot, other ASCII punctuation, Latin-1 symbols and the General
//    Punctuation block (dashes, curly quotes, no-break spaces) separate words;
//  - other characters (Greek, Cyrillic, CJK…) kept as they are.
std::vector<std::string> fold_words(std::string_view s);

}  // namespace qualify::stdlib_text
