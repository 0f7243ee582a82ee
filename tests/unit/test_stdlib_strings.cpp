// The string built-ins (stdlib/strings.cpp): results on lead data and on
// constants, unknown propagation, and VM and reference evaluator agreeing.
#include "stdlib_support.hpp"

using stdlib_test::outcome;

TEST_CASE("trim removes ASCII whitespace at both ends only") {
    CHECK(outcome(R"(trim(s) == "a b")", R"({"id":"x","s":" \t a b \r\n"})") == "true");
    CHECK(outcome(R"(trim("  x  ") == "x")") == "true");
    CHECK(outcome(R"(trim(s) == "")", R"({"id":"x","s":"   "})") == "true");
    CHECK(outcome(R"(trim(s) == "a")") == "unknown");
}

TEST_CASE("length counts code points, not bytes") {
    CHECK(outcome("length(s) == 6", R"({"id":"x","s":"Zürich"})") == "true");
    CHECK(outcome(R"(length("") == 0)") == "true");
    CHECK(outcome("length(s) == 1", R"({"id":"x","s":"\u6771"})") == "true");
    CHECK(outcome("length(s) > 0") == "unknown");
}

TEST_CASE("contains, starts_with and ends_with are case-sensitive") {
    const char* lead = R"({"id":"x","s":"Acme Holdings Ltd"})";
    CHECK(outcome(R"(contains(s, "Holdings"))", lead) == "true");
    CHECK(outcome(R"(contains(s, "holdings"))", lead) == "false");
    CHECK(outcome(R"(contains(s, ""))", lead) == "true");
    CHECK(outcome(R"(starts_with(s, "Acme"))", lead) == "true");
    CHECK(outcome(R"(starts_with(s, "Ltd"))", lead) == "false");
    CHECK(outcome(R"(ends_with(s, "Ltd"))", lead) == "true");
    CHECK(outcome(R"(ends_with(s, t))", lead) == "unknown");
    CHECK(outcome(R"(contains(t, "a"))", lead) == "unknown");
}

TEST_CASE("split keeps empty pieces and gives a list of strings") {
    const char* lead = R"({"id":"x","s":"hubspot,,salesforce"})";
    CHECK(outcome(R"(count(split(s, ",")) == 3)", lead) == "true");
    CHECK(outcome(R"("salesforce" in split(s, ","))", lead) == "true");
    CHECK(outcome(R"("" in split(s, ","))", lead) == "true");
    CHECK(outcome(R"(count(split(s, ",,")) == 2)", lead) == "true");
    CHECK(outcome(R"(count(split(s, "")) == 1)", lead) == "true");
    CHECK(outcome(R"(count(split("a;b", ";") & {"b", "c"}) == 1)") == "true");
    CHECK(outcome(R"(count(split(s, ",")) == 3)") == "unknown");
    // A let holding the list: evaluated once, read twice.
    CHECK(outcome(R"(count(split(s, "x")) == 1 and "hubspot,,salesforce" in split(s, "x"))", lead) == "true");
}

TEST_CASE("replace replaces every occurrence, left to right") {
    const char* lead = R"({"id":"x","s":"a-b-c"})";
    CHECK(outcome(R"(replace(s, "-", "") == "abc")", lead) == "true");
    CHECK(outcome(R"(replace(s, "-", "--") == "a--b--c")", lead) == "true");
    CHECK(outcome(R"(replace("aaa", "aa", "b") == "ba")") == "true");
    CHECK(outcome(R"(replace(s, "", "x") == "a-b-c")", lead) == "true");
    CHECK(outcome(R"(replace(s, "-", t) == "abc")", lead) == "unknown");
}

TEST_CASE("string built-ins reject arguments of other types at check time") {
    CHECK(stdlib_test::compile_errors("length(n) > 1").find("Q103") != std::string::npos);
    CHECK(stdlib_test::compile_errors(R"(split(s, 1) == s)").find("Q103") != std::string::npos);
}

TEST_CASE("email_domain is the lower-cased text after the last '@'") {
    CHECK(outcome(R"(email_domain(s) == "example.com")", R"({"id":"x","s":"jane@example.com"})") == "true");
    CHECK(outcome(R"(email_domain(s) == "b.example.com")", R"({"id":"x","s":"a@x@B.Example.COM"})") == "true");
    CHECK(outcome(R"(email_domain(s) == "")", R"({"id":"x","s":"trailing@"})") == "true");
    CHECK(outcome(R"(email_domain(s) == "example.com")", R"({"id":"x","s":"@example.com"})") == "true");
    CHECK(outcome(R"(known(email_domain(s)))", R"({"id":"x","s":"no-at-sign"})") == "false");
    CHECK(outcome(R"(known(email_domain(s)))", R"({"id":"x","s":"x"})") == "false");
    CHECK(outcome(R"(email_domain(s) == "a")") == "unknown");
}
