// Email and web built-ins (stdlib/email.cpp) and their embedded lists:
// freemail, disposable, role addresses, URL hosts, registrable domains.
#include "stdlib_support.hpp"

using stdlib_test::outcome;

namespace {
std::string lead_s(const std::string& s) { return R"({"id":"x","s":")" + s + "\"}"; }
}  // namespace

TEST_CASE("email_local is the lower-cased part before the last '@'") {
    CHECK(outcome(R"(email_local(s) == "jane.doe")", lead_s("Jane.Doe@Example.com")) == "true");
    CHECK(outcome(R"(known(email_local(s)))", lead_s("no-at-sign")) == "false");
    CHECK(outcome(R"(email_local(s) == "x")") == "unknown");
}

TEST_CASE("is_freemail checks the domain of an address or a bare domain") {
    CHECK(outcome("is_freemail(s)", lead_s("someone@Gmail.com")) == "true");
    CHECK(outcome("is_freemail(s)", lead_s("outlook.com")) == "true");
    CHECK(outcome("is_freemail(s)", lead_s("cto@acme-corp.com")) == "false");
    CHECK(outcome("is_freemail(s)", lead_s("broken@")) == "unknown");
    CHECK(outcome("is_freemail(s)") == "unknown");
}

TEST_CASE("is_disposable matches a listed domain and its subdomains") {
    CHECK(outcome("is_disposable(s)", lead_s("x@mailinator.com")) == "true");
    CHECK(outcome("is_disposable(s)", lead_s("x@inbox.mailinator.com")) == "true");
    CHECK(outcome("is_disposable(s)", lead_s("x@gmail.com")) == "false");
    CHECK(outcome("is_disposable(s)", lead_s("x@zzmailinator.com")) == "false");         // whole labels only
    CHECK(outcome("is_disposable(s)", lead_s("x@mailinator.acme-corp.com")) == "false");
    CHECK(outcome("is_disposable(s)") == "unknown");
}

TEST_CASE("is_role_address spots mailboxes of a function, ignoring +tags and case") {
    CHECK(outcome("is_role_address(s)", lead_s("info@acme.com")) == "true");
    CHECK(outcome("is_role_address(s)", lead_s("Sales+EU@acme.com")) == "true");
    CHECK(outcome("is_role_address(s)", lead_s("no-reply@acme.com")) == "true");
    CHECK(outcome("is_role_address(s)", lead_s("jane@acme.com")) == "false");
    CHECK(outcome("is_role_address(s)", lead_s("salesforce-admin@acme.com")) == "false");
    CHECK(outcome("is_role_address(s)", lead_s("acme.com")) == "unknown");
}

TEST_CASE("domain_of gives a URL's host, lower-cased, without www.") {
    auto host = [](const std::string& url, const std::string& expected) {
        return outcome("domain_of(s) == \"" + expected + "\"", lead_s(url));
    };
    CHECK(host("https://www.Example.com/about?x=1", "example.com") == "true");
    CHECK(host("http://user:pw@shop.example.co.uk:8080/", "shop.example.co.uk") == "true");
    CHECK(host("example.com/pricing", "example.com") == "true");
    CHECK(host("  acme.io.  ", "acme.io") == "true");
    CHECK(host("//cdn.acme.io#top", "cdn.acme.io") == "true");
    CHECK(outcome("known(domain_of(s))", lead_s("not a url")) == "false");
    CHECK(outcome("known(domain_of(s))", lead_s("https://")) == "false");
    CHECK(outcome(R"(domain_of(s) == "x")") == "unknown");
}

TEST_CASE("registrable_domain follows the public suffix list") {
    auto reg = [](const std::string& host, const std::string& expected) {
        return outcome("registrable_domain(s) == \"" + expected + "\"", lead_s(host));
    };
    CHECK(reg("shop.example.co.uk", "example.co.uk") == "true");
    CHECK(reg("example.co.uk", "example.co.uk") == "true");
    CHECK(reg("a.b.example.com", "example.com") == "true");
    CHECK(reg("WWW.Example.COM.", "example.com") == "true");
    CHECK(reg("foo.bar.kawasaki.jp", "foo.bar.kawasaki.jp") == "true");   // *.kawasaki.jp
    CHECK(reg("a.city.kawasaki.jp", "city.kawasaki.jp") == "true");       // !city.kawasaki.jp
    CHECK(reg("example.unlisted-tld", "example.unlisted-tld") == "true");  // default rule *
    CHECK(reg("user.github.io", "github.io") == "true");                  // ICANN section only
    auto unknown = [](const std::string& host) { return outcome("known(registrable_domain(s))", lead_s(host)); };
    CHECK(unknown("co.uk") == "false");
    CHECK(unknown("com") == "false");
    CHECK(unknown("192.168.0.1") == "false");
    CHECK(unknown("a..example.com") == "false");
    CHECK(unknown("jane@example.com") == "false");
    CHECK(outcome(R"(registrable_domain(s) == "x")") == "unknown");
}

TEST_CASE("the web built-ins compose") {
    CHECK(outcome(R"(registrable_domain(domain_of(s)) == "example.co.uk")", lead_s("https://shop.example.co.uk/x")) ==
          "true");
    CHECK(outcome(R"(registrable_domain(email_domain(s)) == "example.com")", lead_s("a@eu.mail.example.com")) == "true");
}
