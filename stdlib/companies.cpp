// Company-name built-in: normalize_company, so that "ACME, Inc.", "Acme Inc"
// and "Ácme GmbH" compare equal (for dedupe keys and account matching).
#include "builtins.hpp"
#include "fold_words.hpp"

#include <algorithm>
#include <iterator>

namespace qualify {
namespace {

Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }

// Legal-form words, as fold_words spells them ("S.A." → "sa", "Co., Ltd." →
// "co", "ltd"). Multi-word forms ("Pty Ltd", "GmbH & Co. KG", "Sdn Bhd")
// are stripped word by word from the end.
constexpr std::string_view kLegalForms[] = {
    "ab", "ag", "aps", "as", "asa", "bhd", "bv", "bvba", "co", "company", "corp", "corporation",
    "cv", "eurl", "ev", "gbr", "gmbh", "inc", "incorporated", "kft", "kg", "kgaa", "kk", "lda",
    "limited", "llc", "llp", "lp", "ltd", "ltda", "mbh", "nv", "ohg", "oy", "oyj", "plc", "private",
    "pte", "pty", "pvt", "sa", "sab", "sae", "sarl", "sas", "sasu", "sdn", "se", "sl", "spa", "sro",
    "srl", "ug",
};

bool is_legal_form(std::string_view w) {
    return std::find(std::begin(kLegalForms), std::end(kLegalForms), w) != std::end(kLegalForms);
}

// Folds the name (fold_words), drops a leading "the", then strips legal
// forms from the end, with an "and" that joins two of them ("GmbH & Co.
// KG"). A name made only of such words keeps its first word, so "Limited"
// and "Co" stay names. Unknown when the name has no letters or digits.
Value normalize_company(const Value* a, CallContext& ctx) {
    std::vector<std::string> words = stdlib_text::fold_words(a[0].s);
    size_t begin = 0, end = words.size();
    if (end - begin > 1 && words[begin] == "the") ++begin;
    while (end - begin > 1) {
        if (is_legal_form(words[end - 1])) {
            --end;
        } else if (words[end - 1] == "and" && end - begin > 2 && end < words.size() && is_legal_form(words[end - 2])) {
            --end;
        } else {
            break;
        }
    }
    if (begin == end) return Value::unknown();
    std::string out;
    for (size_t i = begin; i < end; ++i) {
        if (i > begin) out += ' ';
        out += words[i];
    }
    return Value::string(ctx.arena.keep(out));
}

}  // namespace

void add_company_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"normalize_company", {{"name", K::String}}, optional_string_result, normalize_company, true,
                   "the company name folded for comparison: lower case, no diacritics or punctuation, "
                   "no legal form; unknown without letters or digits"});
}

}  // namespace qualify
