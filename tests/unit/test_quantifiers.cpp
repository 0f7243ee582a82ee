// `any x in LIST: COND`, `all x in LIST: COND` and the set operators `|`
// (union) and `-` (difference): results, three-valued logic, precedence and
// the checker's errors. Each condition is decided by both engines.
#include "stdlib_support.hpp"

using stdlib_test::compile_errors;
using stdlib_test::outcome;

namespace {
const char* kTags = R"({"id":"x","tags":["crm","erp","bi"]})";
const char* kEmpty = R"({"id":"x","tags":[]})";
}  // namespace

TEST_CASE("any is true when some element satisfies the condition, all when every one does") {
    CHECK(outcome(R"(any g in tags: g == "erp")", kTags) == "true");
    CHECK(outcome(R"(any g in tags: g == "hr")", kTags) == "false");
    CHECK(outcome(R"(all g in tags: length(g) <= 3)", kTags) == "true");
    CHECK(outcome(R"(all g in tags: g != "bi")", kTags) == "false");
    CHECK(outcome(R"(any g in {"a", "b"}: g == "b")") == "true");
}

TEST_CASE("an empty list: any is false, all is true; an unknown list: both unknown") {
    CHECK(outcome(R"(any g in tags: g == "erp")", kEmpty) == "false");
    CHECK(outcome(R"(all g in tags: g == "erp")", kEmpty) == "true");
    CHECK(outcome(R"(any g in tags: g == "erp")") == "unknown");
    CHECK(outcome(R"(all g in tags: g == "erp")") == "unknown");
}

TEST_CASE("unknown conditions follow Kleene logic") {
    // s is unknown: `g == s` is unknown for every element.
    CHECK(outcome(R"(any g in tags: g == s)", kTags) == "unknown");
    CHECK(outcome(R"(any g in tags: g == "crm" or g == s)", kTags) == "true");
    CHECK(outcome(R"(all g in tags: g == s)", kTags) == "unknown");
    CHECK(outcome(R"(all g in tags: g != "bi" and g == s)", kTags) == "false");
    const char* with_s = R"({"id":"x","tags":["crm","erp"],"s":"erp"})";
    CHECK(outcome(R"(any g in tags: g == s)", with_s) == "true");
}

TEST_CASE("quantifiers nest, see lets and fields, and the condition extends to the right") {
    const char* lead = R"({"id":"x","tags":["crm","erp"],"s":"erp"})";
    CHECK(outcome(R"(any a in tags: any b in tags: a != b and b == s)", lead) == "true");
    CHECK(outcome(R"(all a in tags: any b in {"crm", "erp", "x"}: a == b)", lead) == "true");
    CHECK(outcome(R"(not any g in tags: g == "x")", lead) == "true");
    CHECK(outcome(R"((any g in tags: g == "x") or s == "erp")", lead) == "true");
    CHECK(outcome(R"(any g in tags: g == "x" or s == "erp")", lead) == "true");
    CHECK(outcome(R"(any g in split(s, "r"): g == "e")", lead) == "true");
}

TEST_CASE("a quantifier's variable may not hide another name, and needs a list") {
    CHECK(compile_errors(R"(any s in tags: s == "a")").find("Q105") != std::string::npos);
    CHECK(compile_errors(R"(any t in tags: t == "a")").find("Q105") != std::string::npos);
    CHECK(compile_errors(R"(any g in tags: any g in tags: g == "a")").find("Q105") != std::string::npos);
    CHECK(compile_errors(R"(any g in s: g == "a")").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(any g in tags: length(g))").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(any g in tags g == "a")").find("Q001") != std::string::npos);
    CHECK(compile_errors(R"(g == "a" and any g in tags: true)").find("Q101") != std::string::npos);
}

TEST_CASE("any and all stay usable as names") {
    CHECK(compile_errors(R"(count(tags) > 0)").empty());
    qualify::Compilation c = qualify::compile_source(
        std::string(stdlib_test::kSchema) + "let all = 3\nlet any = all + 1\ndisqualify d when any == 4 reason \"r\"\n" +
            "criterion base weight 1 = true\nroute r otherwise\n",
        "names.qual", ".");
    CHECK_MESSAGE(c.ok(), c.render());
}

TEST_CASE("union and difference of lists and sets") {
    CHECK(outcome(R"(count(tags | {"crm", "hr"}) == 4)", kTags) == "true");
    CHECK(outcome(R"("hr" in tags | {"hr"})", kTags) == "true");
    CHECK(outcome(R"(count(tags - {"crm", "hr"}) == 2)", kTags) == "true");
    CHECK(outcome(R"("crm" in tags - {"crm"})", kTags) == "false");
    CHECK(outcome(R"(count({1, 2, 3} - {2}) == 2)") == "true");
    CHECK(outcome(R"(count({1, 2} | {2.0, 3.5}) == 3)") == "true");
    CHECK(outcome(R"(count(tags | {"a"}) == 4)") == "unknown");
    CHECK(outcome(R"(n - 1 == 2)", R"({"id":"x","n":3})") == "true");
}

TEST_CASE("`&` binds tighter than `|`, and both tighter than `-` and arithmetic") {
    // {a} | {b} & {c} is {a} | ({b} & {c}) = {a}
    CHECK(outcome(R"(count({"a"} | {"b"} & {"c"}) == 1)") == "true");
    // {a, b} - {a} | {b} is {a, b} - ({a} | {b}) = {}
    CHECK(outcome(R"(count({"a", "b"} - {"a"} | {"b"}) == 0)") == "true");
    CHECK(outcome(R"(count({"a", "b"} - {"a"} - {"b"}) == 0)") == "true");
}

TEST_CASE("set operators need two collections of one element type") {
    CHECK(compile_errors(R"(count(tags | {1}) > 0)").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(count(tags - s) > 0)").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(count(s | tags) > 0)").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(n - tags == 1)").find("Q103") != std::string::npos);
    CHECK(compile_errors(R"(count(tags | ) > 0)").find("Q001") != std::string::npos);
}
