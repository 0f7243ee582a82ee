// The parser's entry points: run the grammar over the text, build the AST,
// and turn whatever goes wrong into a Diagnostic. Nothing escapes as an
// exception: a rulebook is user input, and any input gets an answer.
#include "parser.hpp"

#include "build.hpp"
#include "grammar.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <new>

namespace qualify {

namespace {

namespace pg = tao::pegtl;
using grammar::Node;

Diagnostic diagnostic(const std::string& file, DiagnosticCode code, std::string message, std::string help,
                      unsigned line, unsigned column) {
    Diagnostic d;
    d.code = code;
    d.file = file;
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

template <typename FileRule, typename Build>
ParseResult parse(std::string source, std::string file, Build build) {
    ParseResult result;
    auto book = std::make_unique<ast::Rulebook>();
    book->file = std::move(file);
    book->source = std::move(source);
    try {
        pg::memory_input<> in(book->source.data(), book->source.size(), book->file);
        grammar::ParseState state;
        auto root = pg::parse_tree::parse<FileRule, Node, grammar::selector, pg::nothing, grammar::control>(in, state);
        if (!root) {
            // The file rules end in must<eof>, so a failed match without an
            // error cannot happen; report it rather than assume it.
            result.diagnostics.push_back(
                diagnostic(book->file, DiagnosticCode::Q001, "the file could not be parsed", "", 1, 1));
            return result;
        }
        build(*root, *book);
        result.rulebook = std::move(book);
    } catch (const grammar::SyntaxError& e) {
        result.diagnostics.push_back(diagnostic(book->file, e.code, e.what(), e.help, e.line, e.column));
    } catch (const std::bad_alloc&) {
        result.diagnostics.push_back(
            diagnostic(book->file, DiagnosticCode::Q001, "out of memory while parsing the file", "", 0, 0));
    } catch (const std::exception& e) {
        // A tree of an unexpected shape: a bug in the grammar, worded so.
        result.diagnostics.push_back(diagnostic(book->file, DiagnosticCode::Q001,
                                                std::string("internal error in the parser: ") + e.what(),
                                                "please report this file to the maintainers", 0, 0));
    }
    return result;
}

}  // namespace

ParseResult parse_rulebook(std::string source, std::string file) {
    return parse<grammar::rules::rulebook_file>(std::move(source), std::move(file), grammar::build_rulebook);
}

ParseResult parse_test_file(std::string source, std::string file) {
    return parse<grammar::rules::test_file>(std::move(source), std::move(file), grammar::build_test_file);
}

}  // namespace qualify
