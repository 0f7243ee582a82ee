// normalize_company (stdlib/companies.cpp) and the word folding it shares
// with the job-title functions (stdlib/fold_words.cpp).
#include "stdlib/fold_words.hpp"
#include "stdlib_support.hpp"

using stdlib_test::outcome;

namespace {
std::string normalized(const std::string& name) {
    std::string lead = R"({"id":"x","s":")" + name + "\"}";
    for (const char* candidate : {"acme", "acme corp", "johnson and johnson", "sap", "oreilly media", "limited",
                                  "acme widgets", "co", "soc generale", "at and t", "coca cola"})
        if (outcome(std::string("normalize_company(s) == \"") + candidate + "\"", lead) == "true") return candidate;
    return outcome("known(normalize_company(s))", lead) == "false" ? "unknown" : "?";
}
}  // namespace

TEST_CASE("normalize_company makes spellings of one company equal") {
    for (const char* name : {"ACME, Inc.", "Acme Inc", "Ácme GmbH", "acme", "  ACME   LLC ", "Acme Ltd.", "Acme S.A.",
                             "Acme B.V.", "Acme SAS", "Acme AG", "Acme Pty Ltd", "Acme Co., Ltd.", "Acme K.K.",
                             "Acme GmbH & Co. KG", "The Acme Corporation", "Acme Limited", "ACME PLC", "Acme S.p.A.",
                             "Acme Oy", "Acme AB", "Acme S.R.L.", "Acme Sdn. Bhd.", "Acme Incorporated", "Acme, LLP"})
        CHECK_MESSAGE(normalized(name) == "acme", name);
    CHECK(normalized("Acme Corp Inc") == "acme");
    CHECK(normalized("Johnson & Johnson") == "johnson and johnson");
    CHECK(normalized("SAP SE") == "sap");
    CHECK(normalized("O’Reilly Media, Inc.") == "oreilly media");
    CHECK(normalized("Acme-Widgets Ltd") == "acme widgets");
    CHECK(normalized("Sóc Générale S.A.") == "soc generale");
    CHECK(normalized("AT&T Inc.") == "at and t");
    CHECK(normalized("The Coca-Cola Company") == "coca cola");
}

TEST_CASE("a name made only of legal forms keeps its first word; no letters is unknown") {
    CHECK(normalized("Limited") == "limited");
    CHECK(normalized("Co.") == "co");
    CHECK(normalized(" -- ") == "unknown");
    CHECK(normalized("") == "unknown");
    CHECK(outcome("known(normalize_company(s))") == "false");
}

TEST_CASE("fold_words folds Latin letters, joins dotted letters and splits on punctuation") {
    using qualify::stdlib_text::fold_words;
    CHECK(fold_words("Straße Œuvre Łódź") == std::vector<std::string>{"strasse", "oeuvre", "lodz"});
    CHECK(fold_words("V.P. Sales") == std::vector<std::string>{"vp", "sales"});
    CHECK(fold_words("Sr.Manager") == std::vector<std::string>{"sr", "manager"});
    CHECK(fold_words("J. Smith") == std::vector<std::string>{"j", "smith"});
    CHECK(fold_words("R&D") == std::vector<std::string>{"r", "and", "d"});
    CHECK(fold_words("東京 Ltd") == std::vector<std::string>{"東京", "ltd"});
    CHECK(fold_words("a\xff" "b") == std::vector<std::string>{"a", "b"});
}
