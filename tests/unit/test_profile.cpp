// The data-quality profile (include/qualify/profile.hpp): how each field's
// value in a record is counted — filled, missing, placeholder, invalid —
// for JSON (nested and dotted keys, arrays, objects) and CSV alike; distinct
// and top values; pii fields never show values; email shares.
#include "qualify/profile.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace qualify;

namespace {

Rulebook rulebook() {
    Compilation c = compile_source(R"(rulebook "profile" version "1"
schema lead {
  unknown_values { "N/A", "Select" }
  id:             string
  email:          string? pii
  contact.email:  string?
  company.size:   int?
  tags:           list<string>?
  tier:           enum { low, high }?
}
criterion c weight 1 = company.size > 10
route r otherwise
)",
                                   "profile.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    return *c.rulebook;
}

const FieldProfile& field(const Profile& p, const std::string& name) {
    for (const auto& f : p.fields)
        if (f.name == name) return f;
    FAIL("no field " << name);
    return p.fields.front();
}

}  // namespace

TEST_CASE("JSON: nested and dotted keys, placeholders, invalid values, arrays and objects") {
    Rulebook rb = rulebook();
    Profiler profiler(rb);
    profiler.add_json(R"({"id":"a","company":{"size":50},"tags":["x","y"],"tier":"low"})", 1);
    profiler.add_json(R"({"id":"b","company.size":"N/A","tags":"x;z","tier":"mid"})", 2);
    profiler.add_json(R"({"id":"c","company":{"size":"lots"},"tags":null,"tier":{"a":1}})", 3);
    profiler.add_json(R"({"id":"d","company":{"size":50}})", 4);
    profiler.add_json(R"(not json)", 5);
    profiler.add_json(R"([1,2])", 6);
    const Profile p = profiler.result();
    CHECK(p.records == 6);
    CHECK(p.unreadable == 2);
    REQUIRE(p.unreadable_examples.size() == 2);
    CHECK(p.unreadable_examples[0].starts_with("line 5: "));

    const auto& size = field(p, "company.size");
    CHECK(size.filled == 2);
    CHECK(size.placeholders == 1);
    CHECK(size.invalid == 1);
    CHECK(size.missing == 0);
    REQUIRE(size.invalid_examples.size() == 1);
    CHECK(size.invalid_examples[0] == R"(line 3: field `company.size`: expected an integer, got "lots")");
    CHECK(size.distinct == 1);
    REQUIRE(size.top.size() == 1);
    CHECK(size.top[0] == std::pair<std::string, uint64_t>{"50", 2});

    // A list counts its elements: x twice, y and z once.
    const auto& tags = field(p, "tags");
    CHECK(tags.filled == 2);
    CHECK(tags.missing == 2);
    CHECK(tags.distinct == 3);
    CHECK(tags.top[0] == std::pair<std::string, uint64_t>{"x", 2});

    const auto& tier = field(p, "tier");
    CHECK(tier.filled == 1);
    CHECK(tier.invalid == 2);  // an unknown enum value, an object
    CHECK(tier.missing == 1);
}

TEST_CASE("pii fields show no values; email fields get free-mail, disposable and role counts") {
    Rulebook rb = rulebook();
    Profiler profiler(rb);
    profiler.add_json(R"({"id":"a","email":"jo@gmail.com","contact":{"email":"info@acme.com"}})", 1);
    profiler.add_json(R"({"id":"b","email":"jo@gmail.com","contact":{"email":"sam@mailinator.com"}})", 2);
    profiler.add_json(R"({"id":"c","email":"sales@acme.com","contact":{"email":"Select"}})", 3);
    const Profile p = profiler.result();
    const auto& email = field(p, "email");
    CHECK(email.pii);
    CHECK(email.email);
    CHECK(email.top.empty());
    CHECK(email.distinct == 2);
    CHECK(email.freemail == 2);
    CHECK(email.role == 1);
    const auto& contact = field(p, "contact.email");
    CHECK(contact.email);
    CHECK(contact.placeholders == 1);
    CHECK(contact.role == 1);
    CHECK(contact.disposable == 1);
    CHECK(contact.top.size() == 2);
    const std::string text = profile_text(p, "leads.jsonl");
    CHECK(text.find("gmail") == std::string::npos);
    CHECK(text.find("email: freemail 66.7%, disposable 0.0%, role 33.3%") != std::string::npos);
    CHECK(profile_json(p, "leads.jsonl").find(R"("email":{"freemail":2,"disposable":0,"role":1})") != std::string::npos);
}

TEST_CASE("CSV: a column absent from the header is missing; framing errors are unreadable") {
    Rulebook rb = rulebook();
    std::istringstream in("id,company.size,tier\na,12,high\nb,,\nc,\"x\n");
    CsvReader reader(rb, in);
    REQUIRE(!reader.read_header());
    Profiler profiler(rb);
    CsvRow row;
    while (reader.next(row)) profiler.add_csv(reader.columns(), row);
    const Profile p = profiler.result();
    CHECK(p.records == 3);
    CHECK(p.unreadable == 1);
    CHECK(field(p, "email").missing == 2);
    CHECK(field(p, "company.size").filled == 1);
    CHECK(field(p, "company.size").missing == 1);
    CHECK(field(p, "tier").top[0] == std::pair<std::string, uint64_t>{"high", 1});
    CHECK(profile_text(p, "leads.csv").starts_with("leads.csv: 3 records, 1 unreadable\n"));
}
