// `--format github`: GitHub Actions workflow command lines, escaped as the
// runner expects, for errors and for warnings.
#include "cli/github_annotations.hpp"

#include <doctest/doctest.h>

using namespace qualify;
using qualify::cli::Annotation;
using qualify::cli::github_line;

TEST_CASE("a diagnostic becomes ::error, a warning ::warning, with code, title and help") {
    Diagnostic d;
    d.code = DiagnosticCode::Q120;
    d.file = "rulebooks/a.qual";
    d.line = 16;
    d.column = 14;
    d.message = "there is no route `nuture`";
    d.help = "did you mean `nurture`?";
    CHECK(github_line(d) ==
          "::error file=rulebooks/a.qual,line=16,col=14,title=Q120 unknown route::there is no route `nuture`%0A"
          "help: did you mean `nurture`?\n");
    d.severity = Diagnostic::Severity::Warning;
    d.help.clear();
    CHECK(github_line(d) ==
          "::warning file=rulebooks/a.qual,line=16,col=14,title=Q120 unknown route::there is no route `nuture`\n");
}

TEST_CASE("annotation text is escaped: % CR LF everywhere, : and , in properties") {
    Annotation a;
    a.file = "odd,name:1.qual";
    a.line = 3;
    a.end_line = 5;
    a.title = "test failed: 100%, really";
    a.message = "50% done\r\nnext: line, here";
    CHECK(github_line(a) ==
          "::error file=odd%2Cname%3A1.qual,line=3,endLine=5,title=test failed%3A 100%25%2C really::"
          "50%25 done%0D%0Anext: line, here\n");
}

TEST_CASE("a diagnostic without a position names only the file") {
    Diagnostic d;
    d.code = DiagnosticCode::Q203;
    d.file = "missing.qual";
    d.message = "cannot read";
    CHECK(github_line(d) == "::error file=missing.qual,title=Q203 cannot read rulebook file::cannot read\n");
}
