// The diagnostic format shared by every stage: code names and titles, the
// human rendering (source line, caret, help), the JSON rendering, and the
// "did you mean" helper.
#include "qualify/diagnostics.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace qualify;

namespace {

Diagnostic at(unsigned line, unsigned column, std::string help = "write it differently") {
    Diagnostic d;
    d.code = DiagnosticCode::Q001;
    d.file = "book.qual";
    d.line = line;
    d.column = column;
    d.message = "expected something";
    d.help = std::move(help);
    return d;
}

}  // namespace

TEST_CASE("code names and titles come from the one table") {
    CHECK(code_name(DiagnosticCode::Q001) == "Q001");
    CHECK(code_name(DiagnosticCode::Q202) == "Q202");
    CHECK(code_title(DiagnosticCode::Q005) == "keyword used as a name");
    CHECK(code_title(DiagnosticCode::Q103) == "type mismatch");
}

TEST_CASE("render: header, source line, caret and help") {
    std::string source;
    for (int i = 1; i <= 11; ++i) source += "line " + std::to_string(i) + "\n";
    source += "the source line\n";
    CHECK(render(at(12, 5), source) ==
          "book.qual:12:5: error[Q001]: expected something\n"
          "   |\n"
          "12 | the source line\n"
          "   |     ^\n"
          "   = help: write it differently\n");
}

TEST_CASE("render: one-digit gutter, no help, warnings") {
    auto d = at(1, 1, "");
    d.severity = Diagnostic::Severity::Warning;
    CHECK(render(d, "abc") ==
          "book.qual:1:1: warning[Q001]: expected something\n"
          "  |\n"
          "1 | abc\n"
          "  | ^\n");
}

TEST_CASE("render: tabs are copied so the caret lines up") {
    CHECK(render(at(1, 4, ""), "\t\tx = 1\n") ==
          "book.qual:1:4: error[Q001]: expected something\n"
          "  |\n"
          "1 | \t\tx = 1\n"
          "  | \t\t ^\n");
}

TEST_CASE("render: multi-byte characters take one column, CRLF is dropped") {
    CHECK(render(at(1, 7, ""), "\"é\" + x\r\n") ==
          "book.qual:1:7: error[Q001]: expected something\n"
          "  |\n"
          "1 | \"é\" + x\n"
          "  |      ^\n");
}

TEST_CASE("render: a position past the last line, and no position") {
    CHECK(render(at(3, 1, ""), "a\nb\n") ==
          "book.qual:3:1: error[Q001]: expected something\n"
          "  |\n"
          "3 |\n"
          "  | ^\n");
    CHECK(render(at(0, 0, "check the path"), "") ==
          "book.qual: error[Q001]: expected something\n"
          "  = help: check the path\n");
}

TEST_CASE("render_json: one object, fields in order") {
    auto d = at(3, 7);
    d.message = "say \"hi\"";
    const std::string json = render_json(d);
    CHECK(json ==
          R"({"file":"book.qual","line":3,"column":7,"severity":"error","code":"Q001","message":"say \"hi\"","help":"write it differently"})");
    CHECK(nlohmann::json::parse(json)["code"] == "Q001");
    d.message = std::string("bad \xff byte");
    CHECK_NOTHROW(render_json(d));
}

TEST_CASE("closest_name") {
    const std::vector<std::string> fields{"company.employees", "company.industry", "contact.seniority"};
    CHECK(closest_name("company.employes", fields) == "company.employees");
    CHECK(closest_name("company.industri", fields) == "company.industry");
    CHECK(closest_name("zzz", fields).empty());
    CHECK(closest_name("ae", {"sdr", "ae"}) == "ae");
    // Short names accept one edit; ties go to the first candidate.
    CHECK(closest_name("ax", {"ab", "ac"}) == "ab");
    CHECK(closest_name("abc", {"xyz"}).empty());
    CHECK(closest_name("x", {}).empty());
}
