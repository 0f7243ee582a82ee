// Embedding qualify: compile a rulebook from text, build a lead field by
// field and from JSON, and print the decisions. Built and run by CTest.
#include <qualify/qualify.hpp>

#include <iostream>

int main() {
    const char* rulebook = R"(
rulebook "embed-demo" version "1"
schema lead {
  id: string
  company.employees: int?
  contact.seniority: enum { ic, manager, director, vp, cxo }?
}
disqualify too_small when company.employees < 10 reason "Below 10 employees"
criterion size weight 60 "Company size" = proximity(company.employees, ideal: 200..2000, zero: 10..20000)
criterion seniority weight 40 "Seniority" = contact.seniority >= director
route ae when score >= 80 "Strong fit"
route nurture otherwise
)";
    qualify::Compilation c = qualify::compile_source(rulebook, "embed.qual", ".");
    if (!c.ok()) {
        std::cerr << c.render();
        return 3;
    }
    qualify::EvalOptions options;
    options.as_of = *qualify::parse_date("2026-11-23");
    qualify::Evaluator evaluator(*c.rulebook, options);

    qualify::LeadBuilder lead(*c.rulebook);
    lead.text("id", "E-1").number("company.employees", 450).text("contact.seniority", "vp");
    qualify::Decision a = evaluator.evaluate(lead);
    qualify::Decision b = evaluator.evaluate_json(R"({"id":"E-2","company":{"employees":4}})", 2);
    std::cout << qualify::to_json(a) << "\n" << qualify::to_json(b) << "\n";
    return a.route == "ae" && b.route == "reject" ? 0 : 1;
}
