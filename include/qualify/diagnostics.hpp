// Diagnostics: the one format every stage reports problems in
// (`file:line:col: error[Q012]: message`, the source line, a caret and a
// `help:` line) and the table of diagnostic codes, defined once here and
// documented one section per code in docs/errors.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qualify {

// X(code, title): every diagnostic code the compiler can emit. Q0xx come
// from the parser, Q1xx from the checker, Q2xx from loading files a
// rulebook names; Wxxx are the lint warnings (interpreter/lint*.cpp), which
// `--deny warnings` promotes to errors. Keep docs/errors.md in step (a test
// checks it).
#define QUALIFY_DIAGNOSTIC_CODES(X)                                           \
    X(Q001, "syntax error")                                                   \
    X(Q002, "invalid escape in string")                                       \
    X(Q003, "invalid number literal")                                         \
    X(Q004, "unterminated string")                                            \
    X(Q005, "keyword used as a name")                                         \
    X(Q006, "unexpected end of file")                                         \
    X(Q101, "unknown name")                                                   \
    X(Q102, "unknown field")                                                  \
    X(Q103, "type mismatch")                                                  \
    X(Q104, "unknown enum value")                                             \
    X(Q105, "duplicate name")                                                 \
    X(Q106, "route list not closed by otherwise")                             \
    X(Q107, "invalid regular expression")                                     \
    X(Q108, "motion names an unknown criterion")                              \
    X(Q109, "criterion both reweighted and disabled")                         \
    X(Q110, "motion criterion reuses a code")                                 \
    X(Q111, "score or confidence may be unknown")                             \
    X(Q112, "fit is not a number or bool")                                    \
    X(Q113, "nothing to score")                                               \
    X(Q114, "bad call")                                                       \
    X(Q115, "match does not cover every case")                                \
    X(Q116, "schema lacks id: string")                                        \
    X(Q117, "string compared with an enum")                                   \
    X(Q118, "invalid weight")                                                 \
    X(Q119, "sample share out of range")                                      \
    X(Q120, "unknown route")                                                  \
    X(Q121, "let refers to itself")                                           \
    X(Q122, "constant cannot be evaluated")                                   \
    X(Q123, "bad test")                                                       \
    X(Q124, "name not available in this phase")                               \
    X(Q125, "invalid date")                                                   \
    X(Q126, "sample given twice")                                             \
    X(Q127, "bad decision table")                                             \
    X(Q128, "bad route assignment")                                           \
    X(W201, "table row shadowed by earlier rows")                             \
    X(W202, "table leaves inputs uncovered")                                  \
    X(W203, "rows of a unique table overlap")                                 \
    X(Q201, "cannot read model file")                                         \
    X(Q202, "model does not match the schema")                                \
    X(Q203, "cannot read rulebook file")                                      \
    X(W001, "route never reached")                                            \
    X(W002, "criterion never contributes")                                    \
    X(W003, "match arm never taken")                                          \
    X(W004, "motion never applies")                                           \
    X(W005, "schema field never read")                                        \
    X(W006, "unused let")                                                     \
    X(W007, "sample share above 50%")

enum class DiagnosticCode {
#define QUALIFY_X(code, title) code,
    QUALIFY_DIAGNOSTIC_CODES(QUALIFY_X)
#undef QUALIFY_X
};

std::string_view code_name(DiagnosticCode code);   // "Q012"
std::string_view code_title(DiagnosticCode code);  // "type mismatch"

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    DiagnosticCode code = DiagnosticCode::Q001;
    std::string file;
    unsigned line = 0;    // 1-based; 0 when the problem has no position
    unsigned column = 0;  // 1-based
    std::string message;
    std::string help;     // may be empty
};

// Renders one diagnostic in the house format. `source` is the whole text of
// the file, used to print the offending line and a caret under the column.
std::string render(const Diagnostic& d, std::string_view source);

// Renders as one JSON object (for `--format json`).
std::string render_json(const Diagnostic& d);

// "did you mean `x`?" helper: the candidate closest to `name` by edit
// distance, or empty when nothing is close enough.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace qualify
