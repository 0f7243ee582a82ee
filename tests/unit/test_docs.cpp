// The documentation is executable:
//  - docs/errors.md has one `## CODE — title` section per diagnostic code of
//    include/qualify/diagnostics.hpp, and no section for a code that does not
//    exist;
//  - every built-in function has its section in docs/stdlib.md;
//  - every ```qual block of docs/language.md, docs/errors.md and
//    docs/stdlib.md compiles, and
//    every ```qual-error block fails with the code its first line names
//    (`# Q117`), or for a warning (`# W201`) reports it. A block that does not start with `rulebook` is a fragment and
//    is wrapped in the small standard rulebook below. The `test` blocks of
//    every compiled example must pass (with both engines agreeing).
#include "qualify/qualify.hpp"
#include "stdlib/builtins.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace qualify;

namespace {

const std::string kRoot = QUALIFY_SOURCE_DIR;

std::string read(const std::string& relative) {
    std::ifstream in(kRoot + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

struct Block {
    std::string file;
    int line = 0;  // of the opening fence
    std::string tag;
    std::string text;
};

std::vector<Block> qual_blocks(const std::string& file) {
    std::vector<Block> out;
    const auto lines = lines_of(read(file));
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("```", 0) != 0) continue;
        std::string tag = lines[i].substr(3);
        size_t end = i + 1;
        while (end < lines.size() && lines[end].rfind("```", 0) != 0) ++end;
        if (tag == "qual" || tag == "qual-error") {
            Block b{file, static_cast<int>(i + 1), tag, {}};
            for (size_t j = i + 1; j < end; ++j) b.text += lines[j] + "\n";
            out.push_back(std::move(b));
        }
        i = end;
    }
    return out;
}

// The standard rulebook fragments are wrapped in. Its schema has the fields
// the examples use; the saas model of rulebooks/models fits it.
const char* const kHeader = R"(rulebook "docs" version "1"
schema lead {
  unknown_values { "N/A", "Select" }
  id:                  string
  email:               string          pii from "Email"
  source:              enum { inbound_form, content_syndication, outbound,
                              partner, event, product_signup }
  company.domain:      string?
  company.name:        string?
  company.website:     string?
  company.phone:       string?
  company.employees:   int?            from "Employees"
  company.industry:    string?
  company.country:     string?
  company.tech_stack:  list<string>?
  contact.seniority:   enum { ic, manager, director, vp, cxo }?
  contact.title:       string?
  contact.changed_job_recently: bool?
  crm.is_customer:     bool?
  crm.is_competitor:   bool?
  crm.created_text:    string?
  crm.last_contacted:  date?
  engagement.pages_visited: int?
  engagement.downloads:     int?
  intent.score:        decimal?
  intent.days_since_spike: int?
  product.active_users: int?
  signup.date:         date?
}
)";

std::string wrap(const std::string& fragment) {
    std::string text = kHeader;
    text += fragment;
    text += "criterion docs_base weight 1 \"Base\" = true\n";
    if (fragment.find("otherwise") == std::string::npos) text += "route r otherwise\n";
    return text;
}

// Whole when the first line that is not blank or a comment starts with `rulebook`.
bool is_whole(const std::string& text) {
    for (const auto& line : lines_of(text)) {
        size_t i = line.find_first_not_of(" \t\r");
        if (i == std::string::npos || line[i] == '#') continue;
        return line.compare(i, 8, "rulebook") == 0;
    }
    return false;
}

void check_blocks(const std::string& file, int& checked) {
    for (const Block& b : qual_blocks(file)) {
        ++checked;
        CAPTURE(b.file);
        CAPTURE(b.line);
        const std::string source = is_whole(b.text) ? b.text : wrap(b.text);
        const bool warning = b.tag == "qual-error" && b.text.rfind("# W", 0) == 0;
        Compilation c = compile_source(source, "example.qual", kRoot + "/rulebooks", {.lint = warning});
        if (warning) {  // a lint example compiles, with the warning it is filed under
            const std::string code = b.text.substr(2, 4);
            bool found = false;
            for (const auto& d : c.diagnostics)
                found = found || (code_name(d.code) == code && d.severity == Diagnostic::Severity::Warning);
            CHECK_MESSAGE(c.ok(), b.file << ":" << b.line << ": example does not compile:\n" << c.render());
            CHECK_MESSAGE(found, b.file << ":" << b.line << ": expected warning " << code << ", got:\n" << c.render());
            continue;
        }
        if (b.tag == "qual") {
            CHECK_MESSAGE(c.ok(), b.file << ":" << b.line << ": example does not compile:\n" << c.render());
            if (!c.ok()) continue;
            for (const auto& r : run_tests(*c.rulebook, *parse_date("2026-11-23"))) {
                std::string failures;
                for (const auto& f : r.failures) failures += "\n  " + f;
                CHECK_MESSAGE(r.passed, b.file << ":" << b.line << ": test \"" << r.name << "\" fails" << failures);
            }
        } else {
            const auto first = b.text.substr(0, b.text.find('\n'));
            REQUIRE_MESSAGE((first.rfind("# Q", 0) == 0 || first.rfind("# W", 0) == 0),
                            b.file << ":" << b.line << ": a qual-error block starts with `# QNNN` or `# WNNN`");
            const std::string code = first.substr(2, 4);
            // A warning (Wnnn) is reported but the rulebook still compiles.
            if (code[0] == 'Q')
                CHECK_MESSAGE(!c.ok(), b.file << ":" << b.line << ": expected " << code << ", but the example compiles");
            bool found = false;
            for (const auto& d : c.diagnostics) found = found || code_name(d.code) == code;
            CHECK_MESSAGE(found, b.file << ":" << b.line << ": expected " << code << ", got:\n" << c.render());
        }
    }
}

}  // namespace

TEST_CASE("docs/errors.md has one section per diagnostic code") {
    std::set<std::string> expected;
#define QUALIFY_X(code, title) expected.insert(std::string(#code) + " \u2014 " + title);
    QUALIFY_DIAGNOSTIC_CODES(QUALIFY_X)
#undef QUALIFY_X
    std::set<std::string> found;
    for (const auto& line : lines_of(read("docs/errors.md"))) {
        if (line.rfind("## Q", 0) != 0 && line.rfind("## W", 0) != 0) continue;
        const std::string heading = line.substr(3);
        CHECK_MESSAGE(expected.count(heading), "heading `" << line << "` is not a diagnostic code and its title");
        CHECK_MESSAGE(found.insert(heading).second, "heading `" << line << "` appears twice");
    }
    for (const auto& e : expected) CHECK_MESSAGE(found.count(e), "docs/errors.md lacks `## " << e << "`");
}

TEST_CASE("the qual examples of the docs compile, fail as documented, and pass their tests") {
    int checked = 0;
    check_blocks("docs/language.md", checked);
    check_blocks("docs/errors.md", checked);
    check_blocks("docs/stdlib.md", checked);
    CHECK(checked >= 70);
}

TEST_CASE("docs/stdlib.md has a section for every built-in function") {
    const std::string text = read("docs/stdlib.md");
    for (const auto& b : qualify::builtins()) {
        const std::string heading = "`" + std::string(b.name) + "(";
        bool found = false;
        for (const auto& line : lines_of(text)) found = found || (line.rfind("### ", 0) == 0 && line.find(heading) != std::string::npos);
        CHECK_MESSAGE(found, "docs/stdlib.md has no `### ` heading naming " << heading << "...)`");
    }
}
