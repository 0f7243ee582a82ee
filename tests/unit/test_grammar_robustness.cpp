// The parser answers every input with an AST or one diagnostic and never
// crashes or throws: every truncation of the spec's rulebook, random bytes,
// and random splices of rulebook text.
#include "test_grammar_support.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace qualify;

namespace {

void check_answer(const ParseResult& r, const std::string& source) {
    if (r.rulebook) {
        CHECK(r.diagnostics.empty());
        return;
    }
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(!d.message.empty());
    CHECK(d.line >= 1);
    CHECK(d.column >= 1);
    CHECK(!render(d, source).empty());
}

}  // namespace

TEST_CASE("every truncation of the spec rulebook gets an answer") {
    const auto source = testing::read_source_file("tests/data/spec/saas_inbound.qual");
    REQUIRE(!source.empty());
    std::size_t errors = 0;
    for (std::size_t n = 0; n < source.size(); ++n) {
        const std::string cut = source.substr(0, n);
        auto r = parse_rulebook(cut, "cut.qual");
        check_answer(r, cut);
        errors += r.rulebook ? 0 : 1;
    }
    // Nearly every cut is an error; a cut just after a whole statement is not.
    CHECK(errors > source.size() / 2);
}

TEST_CASE("every truncation of the spec tests gets an answer") {
    const auto source = testing::read_source_file("tests/data/spec/saas_inbound.test.qual");
    for (std::size_t n = 0; n < source.size(); ++n) {
        const std::string cut = source.substr(0, n);
        check_answer(parse_test_file(cut, "cut.test.qual"), cut);
    }
}

TEST_CASE("random bytes and random splices get an answer") {
    const auto spec = testing::read_source_file("tests/data/spec/saas_inbound.qual");
    std::mt19937 rng(20261101);
    for (int i = 0; i < 600; ++i) {
        std::string s;
        if (i % 2 == 0) {
            const std::size_t len = rng() % 200;
            for (std::size_t j = 0; j < len; ++j) s += static_cast<char>(rng() % 256);
        } else {
            // The spec with a few bytes replaced by characters that matter to
            // the grammar, so the parse goes deep before it fails.
            static const std::string alphabet = "(){}[]<>=.-+*/&?!\"\\#:,%r0 \n\tandornot";
            s = spec;
            for (int k = 0; k < 3; ++k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
        }
        check_answer(parse_rulebook(s, "fuzz.qual"), s);
        check_answer(parse_test_file(s, "fuzz.test.qual"), s);
    }
}
