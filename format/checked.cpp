// The safety net around the layout: parse before, parse after, compare.
#include "format/checked.hpp"

#include "format/ast_equal.hpp"
#include "format/formatter.hpp"
#include "grammar/parser.hpp"

#include <stdexcept>

namespace qualify::format {

namespace {

ParseResult parse(const std::string& source, const std::string& file, FileKind kind) {
    return kind == FileKind::TestFile ? parse_test_file(source, file) : parse_rulebook(source, file);
}

}  // namespace

bool is_test_file(const std::string& path) { return path.ends_with(".test.qual"); }

Checked format_checked(const std::string& source, const std::string& file, FileKind kind) {
    Checked out;
    ParseResult before = parse(source, file, kind == FileKind::Guess ? FileKind::Rulebook : kind);
    if (!before.rulebook && kind == FileKind::Guess) {
        ParseResult as_tests = parse(source, file, FileKind::TestFile);
        if (as_tests.rulebook) {
            before = std::move(as_tests);
            kind = FileKind::TestFile;
        }
    }
    if (!before.rulebook) {
        out.diagnostics = std::move(before.diagnostics);
        return out;
    }
    if (kind == FileKind::Guess) kind = FileKind::Rulebook;
    out.formatted = format_source(source);
    ParseResult after = parse(out.formatted, file, kind);
    if (!after.rulebook)
        throw std::logic_error("formatting " + file + " would make it unreadable (" +
                               (after.diagnostics.empty() ? std::string("?") : after.diagnostics[0].message) +
                               "); the file is left as it is");
    if (auto where = ast_difference(*before.rulebook, *after.rulebook); !where.empty())
        throw std::logic_error("formatting " + file + " would change its meaning at " + where +
                               "; the file is left as it is");
    if (format_source(out.formatted) != out.formatted)
        throw std::logic_error("formatting " + file + " is not stable; the file is left as it is");
    return out;
}

}  // namespace qualify::format
