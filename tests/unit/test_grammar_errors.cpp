// Malformed rulebooks and the one diagnostic each gets: its code, where it
// points and what it says. Every case sits after a two-line header, so the
// snippet is line 3 (`H` below).
#include "test_grammar_support.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace qualify;

namespace {

struct Case {
    const char* source;  // appended to the minimal header (lines 1 and 2)
    DiagnosticCode code;
    unsigned line;
    unsigned column;
    const char* fragment;  // must occur in the message
};

using enum DiagnosticCode;

const std::vector<Case> cases = {
    // statements committed by their keyword
    {"disqualify x when a b reason \"r\"", Q001, 3, 21, "expected `reason \"…\"` after the disqualifier's condition"},
    {"disqualify x when a reason r", Q001, 3, 28, "reason in quotes"},
    {"disqualify x a reason \"r\"", Q001, 3, 14, "expected `when CONDITION` after the disqualifier's code"},
    {"disqualify x when reason \"r\"", Q001, 3, 19, "expected the disqualifier's condition"},
    {"criterion c weight = 1", Q001, 3, 20, "criterion's weight, a number"},
    {"criterion c weight 10 \"L\" 1", Q001, 3, 27, "expected `=` and the criterion's fit"},
    {"criterion c = 1", Q001, 3, 13, "expected `weight N`"},
    {"let = 1", Q001, 3, 5, "constant's name"},
    {"let x 1", Q001, 3, 7, "expected `=` after the constant's name"},
    {"model m \"p\"", Q001, 3, 9, "expected `=` after the model's name"},
    {"model m = p", Q001, 3, 11, "model file's path"},
    {"motion m when a { foo }", Q001, 3, 19, "in the motion"},
    {"motion m when a criterion c weight 1 = 1", Q001, 3, 17, "expected `{` after the motion's condition"},
    {"route r \"L\"", Q001, 3, 9, "expected `when CONDITION` or `otherwise`"},
    {"review 5 of reject", Q001, 3, 10, "share such as `5%`"},
    {"review 5% reject", Q001, 3, 11, "expected `of ROUTE`"},
    {"qualified_routes ae, sdr", Q001, 3, 18, "expected `{`"},
    {"rejection_reasons { a b }", Q001, 3, 23, "a name, `,` or `}`"},
    {"score 5", Q001, 3, 7, "expected `=` after `score`"},
    {"foo = 1", Q001, 3, 1, "expected a statement"},
    {"schema other { id: string }", Q001, 3, 1, "exactly one schema"},
    // expressions
    {"let x = a < b < c", Q001, 3, 15, "comparisons do not chain"},
    {"let x = a in b in c", Q001, 3, 16, "comparisons do not chain"},
    {"let x = if a b else c", Q001, 3, 14, "expected `then`"},
    {"let x = if a then b\nlet y = 1", Q001, 4, 1, "every `if` needs an `else`"},
    {"let x = {a b}", Q001, 3, 12, "expected `,` or `}` in the set"},
    {"let x = f(a b)", Q001, 3, 13, "expected `,` or `)` in the call"},
    {"let x = f(a, ideal: 1..)", Q001, 3, 24, "end of the range"},
    {"let x = match y { 1 2 }", Q001, 3, 21, "expected `=>` after the arm's tests"},
    {"let x = match y { 1 => }", Q001, 3, 24, "arm's result"},
    {"let x = match y 1 => 2 }", Q001, 3, 17, "expected `{` after the value to match"},
    {"let x = (a + b", Q006, 4, 1, "expected `)`"},
    {"let x = a.", Q001, 3, 11, "field name after `.`"},
    {"let x = a + * b", Q001, 3, 13, "expected a value after `+` or `-`"},
    // lexical errors
    {"let x = \"ab\\q\"", Q002, 3, 12, "invalid escape `\\q`"},
    {"let x = \"\\u12G4\"", Q002, 3, 10, "`\\u12`"},
    {"let x = \"\\uDC00\"", Q002, 3, 10, "surrogate"},
    {"let x = .5", Q003, 3, 9, "digit before the point"},
    {"let x = 5. + 1", Q003, 3, 11, "digits after the point"},
    {"criterion c weight 1.2.3 = 1", Q003, 3, 23, "one decimal point"},
    {"let x = \"abc\nlet y = 1", Q004, 3, 13, "unterminated string"},
    {"disqualify x when d matches r\"abc", Q004, 3, 34, "unterminated raw string"},
    // keywords as names
    {"let if = 1", Q005, 3, 5, "`if` is a keyword"},
    {"disqualify score when a reason \"r\"", Q005, 3, 12, "`score` is a keyword"},
    {"disqualify x when weight > 5 reason \"r\"", Q005, 3, 19, "`weight` is a keyword"},
    {"let x = review.status", Q005, 3, 9, "`review` is a keyword"},
    {"model m = \"p\" features [a, score]", Q005, 3, 28, "`score` is a keyword"},
    {"test \"x\" { given { score: 1 } }", Q005, 3, 20, "`score` is a keyword"},
    {"route reject when true\nroute otherwise otherwise", Q005, 4, 7, "`otherwise` is a keyword"},
    // unexpected end of file
    {"disqualify x when a", Q006, 4, 1, "unexpected end of file: expected `reason"},
    {"let x = a or", Q006, 4, 1, "expected a condition after `or`"},
    {"criterion c weight 10 =", Q006, 4, 1, "criterion's fit"},
    {"motion m when a {", Q006, 4, 1, "in the motion"},
    // test blocks
    {"test x {}", Q001, 3, 6, "test's name in quotes"},
    {"test \"x\" { expect }", Q001, 3, 19, "what to check after `expect`"},
    {"test \"x\" { expect score 80 }", Q001, 3, 25, "a comparison"},
    {"test \"x\" { expect top x }", Q001, 3, 23, "expected `reason` after `expect top`"},
    {"test \"x\" { given { a: 1 b: 2 } }", Q001, 3, 25, "expected `,` or `}` after the field's value"},
    {"test \"x\" { foo }", Q001, 3, 12, "`given`, `as_of`, `expect`, `cases` or `}`"},
};

}  // namespace

TEST_CASE("malformed rulebooks get one precise diagnostic") {
    for (const auto& c : cases) {
        CAPTURE(c.source);
        auto r = testing::parse_snippet(std::string(c.source) + "\n");
        CHECK(r.rulebook == nullptr);
        REQUIRE(r.diagnostics.size() == 1);
        const auto& d = r.diagnostics[0];
        CHECK(code_name(d.code) == code_name(c.code));
        CHECK(d.line == c.line);
        CHECK(d.column == c.column);
        CHECK_MESSAGE(d.message.find(c.fragment) != std::string::npos, d.message);
        CHECK(!d.help.empty());
        CHECK(d.file == "t.qual");
        CHECK(d.severity == Diagnostic::Severity::Error);
    }
}

TEST_CASE("keyword help says how to reach the field") {
    auto r = testing::parse_snippet("disqualify x when weight > 5 reason \"r\"\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].help == "`weight` is a keyword; reach a field named so as `lead.weight`");
    r = testing::parse_snippet("let score = 1\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].help == "`score` is a keyword; choose another name");
}

TEST_CASE("file-level errors") {
    auto r = parse_rulebook("", "empty.qual");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == Q006);
    CHECK(r.diagnostics[0].message.find("rulebook \"NAME\" version \"VERSION\"") != std::string::npos);

    r = parse_rulebook("schema lead { id: string }", "noheader.qual");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == Q001);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 1);

    r = parse_rulebook("rulebook \"a\" version \"1\"\nlet x = 1\n", "noschema.qual");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "this rulebook has no schema");

    r = parse_test_file("test \"a\" { expect error }\nlet x = 1\n", "x.test.qual");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].message == "expected a test block");
}

TEST_CASE("nesting is bounded, not a stack overflow") {
    auto r = testing::parse_snippet("let x = " + std::string(100000, '(') + "1");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("nested too deeply") != std::string::npos);

    std::string nots;
    for (int i = 0; i < 50000; ++i) nots += "not ";
    r = testing::parse_snippet("let x = " + nots + "a");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("nested too deeply") != std::string::npos);

    std::string sum = "let x = 1";
    for (int i = 0; i < 50000; ++i) sum += " + 1";
    r = testing::parse_snippet(sum);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("nested too deeply") != std::string::npos);

    std::string type = "rulebook \"a\" version \"1\" schema lead { t: ";
    for (int i = 0; i < 50000; ++i) type += "list<";
    r = parse_rulebook(type, "deep.qual");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("nested too deeply") != std::string::npos);

    // Moderate nesting is fine.
    r = testing::parse_snippet("let x = " + std::string(40, '(') + "1" + std::string(40, ')'));
    CHECK(r.diagnostics.empty());
}
