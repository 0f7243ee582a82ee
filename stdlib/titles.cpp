// Job-title built-ins: seniority_of(title) → ic | manager | director | vp |
// cxo and function_of(title) → sales, marketing, engineering, product,
// finance, operations, hr, it, executive or other. Both read the title's
// folded words (fold_words.hpp) against phrase tables, so "VP, Sales",
// "V.P. Sales" and "vp sales" read alike. Accuracy on the labelled titles
// of tests/data/job_titles.csv is measured by tests/unit/test_stdlib_titles.cpp
// and reported in docs/stdlib.md.
#include "builtins.hpp"
#include "fold_words.hpp"

#include <span>
#include <unordered_map>
#include <string>
#include <vector>

namespace qualify {
namespace {

Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }

// A phrase (words separated by single spaces) and what it means. At each
// position the longest matching phrase wins and its words are consumed, so
// "vice president" is never read as "president", nor "product marketing"
// as "product". The value "" consumes without meaning anything ("product
// owner" is not an owner); "stop" ends the reading ("assistant to the CEO").
struct Phrase {
    std::string_view words;
    std::string_view value;
};

constexpr std::string_view kStop = "stop";

// German compounds ("Vertriebsleiter", "Softwareentwickler") put the
// department and the rank in one word: a word longer than the affix that
// starts (or ends) with it counts as the affix's meaning.
struct Affix {
    std::string_view text;
    bool prefix;
    std::string_view value;
};

// A phrase table split into words once and indexed by its first word, so a
// title's word looks up only the phrases that can start there.
class PhraseIndex {
public:
    explicit PhraseIndex(std::span<const Phrase> phrases) {
        for (const Phrase& p : phrases) {
            Entry e{{}, p.value};
            std::string_view rest = p.words;
            while (!rest.empty()) {
                size_t space = rest.find(' ');
                e.words.push_back(rest.substr(0, space));
                rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            }
            by_first_[e.words.front()].push_back(std::move(e));
        }
    }

    // The longest phrase starting at words[at]: its length (0 for none) and value.
    size_t longest_at(const std::vector<std::string>& words, size_t at, std::string_view& value) const {
        auto it = by_first_.find(words[at]);
        if (it == by_first_.end()) return 0;
        size_t best = 0;
        for (const Entry& e : it->second) {
            if (e.words.size() <= best || at + e.words.size() > words.size()) continue;
            bool same = true;
            for (size_t k = 1; k < e.words.size() && same; ++k) same = words[at + k] == e.words[k];
            if (same) best = e.words.size(), value = e.value;
        }
        return best;
    }

private:
    struct Entry {
        std::vector<std::string_view> words;
        std::string_view value;
    };
    std::unordered_map<std::string_view, std::vector<Entry>> by_first_;
};

template <typename F>
void read_phrases(const std::vector<std::string>& words, const PhraseIndex& phrases, std::span<const Affix> affixes,
                  F&& on_value) {
    for (size_t i = 0; i < words.size();) {
        std::string_view value;
        size_t best = phrases.longest_at(words, i, value);
        if (best == 0) {
            const std::string& w = words[i];
            for (const Affix& a : affixes) {
                if (w.size() <= a.text.size()) continue;
                if (a.prefix ? w.starts_with(a.text) : w.ends_with(a.text)) {
                    best = 1, value = a.value;
                    break;
                }
            }
        }
        if (best == 0) {
            ++i;
            continue;
        }
        if (value == kStop) return;
        if (!value.empty()) on_value(value);
        i += best;
    }
}

// ---------------------------------------------------------------- seniority

constexpr Phrase kRanks[] = {
    {"to", kStop}, {"reporting", kStop},
    // C-level, founders, owners and their equivalents abroad.
    {"chief", "cxo"}, {"ceo", "cxo"}, {"cfo", "cxo"}, {"cto", "cxo"}, {"coo", "cxo"}, {"cio", "cxo"},
    {"ciso", "cxo"}, {"cmo", "cxo"}, {"cro", "cxo"}, {"cpo", "cxo"}, {"chro", "cxo"}, {"cso", "cxo"},
    {"cco", "cxo"}, {"cdo", "cxo"}, {"founder", "cxo"}, {"cofounder", "cxo"}, {"owner", "cxo"},
    {"president", "cxo"}, {"chairman", "cxo"}, {"chairwoman", "cxo"}, {"chairperson", "cxo"},
    {"managing director", "cxo"}, {"managing partner", "cxo"}, {"general partner", "cxo"},
    {"founding partner", "cxo"}, {"geschaftsfuhrer", "cxo"}, {"geschaftsfuhrerin", "cxo"},
    {"inhaber", "cxo"}, {"inhaberin", "cxo"}, {"pdg", "cxo"}, {"directeur general", "cxo"},
    {"directrice generale", "cxo"}, {"gerant", "cxo"}, {"gerante", "cxo"}, {"fundador", "cxo"},
    {"fundadora", "cxo"}, {"fondateur", "cxo"}, {"fondatrice", "cxo"}, {"dirigeant", "cxo"},
    {"product owner", ""}, {"process owner", ""}, {"chief of staff", "director"},
    // Vice presidents.
    {"vp", "vp"}, {"svp", "vp"}, {"evp", "vp"}, {"avp", "vp"}, {"rvp", "vp"}, {"gvp", "vp"},
    {"vice president", "vp"}, {"vicepresident", "vp"}, {"vice presidente", "vp"},
    // Directors and heads.
    {"director", "director"}, {"directora", "director"}, {"directeur", "director"}, {"directrice", "director"},
    {"direktor", "director"}, {"direktorin", "director"}, {"direttore", "director"}, {"diretor", "director"},
    {"diretora", "director"}, {"dir", "director"}, {"head", "director"}, {"leiter", "director"},
    {"leiterin", "director"},
    // Managers and team leads.
    {"manager", "manager"}, {"mgr", "manager"}, {"mngr", "manager"}, {"managerin", "manager"},
    {"supervisor", "manager"}, {"lead", "manager"}, {"leader", "manager"}, {"tech lead", ""},
    {"technical lead", ""}, {"lead generation", ""}, {"lead gen", ""}, {"gerente", "manager"},
    {"jefe", "manager"}, {"jefa", "manager"}, {"responsable", "manager"}, {"chef", "manager"},
    {"teamleiter", "manager"}, {"teamleiterin", "manager"},
};

constexpr Affix kRankAffixes[] = {
    {"leiter", false, "director"}, {"leiterin", false, "director"}, {"geschaftsfuhrer", true, "cxo"},
};

int rank_order(std::string_view r) {
    if (r == "manager") return 1;
    if (r == "director") return 2;
    if (r == "vp") return 3;
    if (r == "cxo") return 4;
    return 0;
}

// A one-word title that is a rank by itself in firms owned by partners.
bool owner_rank_alone(const std::vector<std::string>& words) {
    return words.size() == 1 && (words[0] == "partner" || words[0] == "principal");
}

bool has_letters(const std::vector<std::string>& words) {
    for (const auto& w : words)
        for (char c : w)
            if (!(c >= '0' && c <= '9')) return true;
    return false;
}

// The highest rank the title names; ic when it names none.
Value seniority_of(const Value* a, CallContext&) {
    std::vector<std::string> words = stdlib_text::fold_words(a[0].s);
    if (!has_letters(words)) return Value::unknown();
    if (owner_rank_alone(words)) return Value::string("cxo");
    std::string_view best = "ic";
    static const PhraseIndex ranks(kRanks);
    read_phrases(words, ranks, kRankAffixes, [&](std::string_view r) {
        if (rank_order(r) > rank_order(best)) best = r;
    });
    return Value::string(best);
}

// ---------------------------------------------------------------- function

// Departments, read left to right: the first one the title names wins
// ("VP Sales & Marketing" is sales).
constexpr Phrase kDepartments[] = {
    {"to", kStop}, {"reporting", kStop},
    // Sales, business development, account management, customer success.
    {"sales", "sales"}, {"sale", "sales"}, {"selling", "sales"}, {"account", "sales"},
    {"accounts payable", "finance"}, {"accounts receivable", "finance"}, {"ae", "sales"}, {"sdr", "sales"},
    {"bdr", "sales"}, {"business development", "sales"}, {"bizdev", "sales"}, {"revenue", "sales"},
    {"cro", "sales"}, {"customer success", "sales"}, {"chief customer officer", "sales"},
    {"partnerships", "sales"}, {"partnership", "sales"}, {"partner", "sales"}, {"channel", "sales"},
    {"territory", "sales"}, {"commercial", "sales"}, {"commerciale", "sales"}, {"ventas", "sales"},
    {"ventes", "sales"}, {"vendas", "sales"}, {"vendite", "sales"}, {"vertrieb", "sales"},
    {"enablement", "sales"}, {"solutions engineer", "sales"}, {"solutions consultant", "sales"},
    {"presales", "sales"}, {"pre sales", "sales"},
    {"managing partner", ""}, {"general partner", ""}, {"founding partner", ""},
    // Marketing.
    {"marketing", "marketing"}, {"marketer", "marketing"}, {"mktg", "marketing"}, {"growth", "marketing"},
    {"demand", "marketing"}, {"brand", "marketing"}, {"content", "marketing"}, {"copywriter", "marketing"},
    {"seo", "marketing"}, {"sem", "marketing"}, {"pr", "marketing"}, {"public relations", "marketing"},
    {"communications", "marketing"}, {"communication", "marketing"}, {"comms", "marketing"},
    {"social media", "marketing"}, {"events", "marketing"}, {"event", "marketing"}, {"mercadeo", "marketing"},
    {"cmo", "marketing"}, {"product marketing", "marketing"}, {"lead generation", "marketing"},
    // Engineering, software, data.
    {"engineering", "engineering"}, {"engineer", "engineering"}, {"eng", "engineering"},
    {"engr", "engineering"}, {"developer", "engineering"}, {"development", "engineering"},
    {"dev", "engineering"}, {"devops", "engineering"}, {"sre", "engineering"},
    {"site reliability", "engineering"}, {"software", "engineering"}, {"data", "engineering"},
    {"machine learning", "engineering"}, {"ml", "engineering"}, {"ai", "engineering"},
    {"qa", "engineering"}, {"quality assurance", "engineering"}, {"programmer", "engineering"},
    {"architect", "engineering"}, {"r and d", "engineering"}, {"research and development", "engineering"},
    {"scrum master", "engineering"}, {"cto", "engineering"}, {"chief technology officer", "engineering"},
    {"chief technical officer", "engineering"}, {"technique", "engineering"}, {"developpeur", "engineering"},
    {"desarrollador", "engineering"}, {"ingenieur", "engineering"}, {"logiciel", "engineering"},
    {"support engineer", "engineering"}, {"frontend", "engineering"}, {"backend", "engineering"},
    {"full stack", "engineering"}, {"fullstack", "engineering"},
    // Product and design.
    {"product", "product"}, {"products", "product"}, {"cpo", "product"}, {"design", "product"},
    {"designer", "product"}, {"ux", "product"}, {"ui", "product"}, {"user experience", "product"},
    {"produkt", "product"},
    // Finance and accounting.
    {"finance", "finance"}, {"financial", "finance"}, {"financiero", "finance"}, {"financier", "finance"},
    {"financiere", "finance"}, {"cfo", "finance"}, {"controller", "finance"}, {"controlling", "finance"},
    {"accounting", "finance"}, {"accountant", "finance"}, {"comptable", "finance"}, {"treasury", "finance"},
    {"treasurer", "finance"}, {"fp and a", "finance"}, {"fpa", "finance"}, {"tax", "finance"},
    {"audit", "finance"}, {"auditor", "finance"}, {"bookkeeper", "finance"}, {"buchhalter", "finance"},
    {"payroll", "finance"}, {"investor relations", "finance"}, {"billing", "finance"},
    // Operations.
    {"operations", "operations"}, {"operation", "operations"}, {"ops", "operations"},
    {"coo", "operations"}, {"operating", "operations"}, {"supply chain", "operations"},
    {"logistics", "operations"}, {"procurement", "operations"}, {"purchasing", "operations"},
    {"buyer", "operations"}, {"compras", "operations"}, {"facilities", "operations"}, {"office", "operations"},
    {"project", "operations"}, {"projet", "operations"}, {"program", "operations"},
    {"programme", "operations"}, {"revenue operations", "operations"}, {"revops", "operations"},
    {"business operations", "operations"}, {"customer support", "operations"},
    {"customer service", "operations"}, {"support", "operations"}, {"chief of staff", "operations"},
    {"strategy", "operations"}, {"store", "operations"}, {"business analyst", "operations"},
    // People.
    {"hr", "hr"}, {"human resources", "hr"}, {"ressources humaines", "hr"}, {"rh", "hr"}, {"rrhh", "hr"},
    {"people", "hr"}, {"talent", "hr"}, {"recruiter", "hr"}, {"recruiting", "hr"}, {"recruitment", "hr"},
    {"personnel", "hr"}, {"chro", "hr"}, {"drh", "hr"},
    // IT and security.
    {"it", "it"}, {"information technology", "it"}, {"technology", "it"}, {"ti", "it"}, {"cio", "it"},
    {"ciso", "it"}, {"security", "it"}, {"infosec", "it"}, {"network", "it"}, {"sysadmin", "it"},
    {"system administrator", "it"}, {"systems administrator", "it"}, {"administrator", "it"},
    {"database", "it"}, {"dba", "it"}, {"help desk", "it"}, {"helpdesk", "it"}, {"infrastructure", "it"},
    {"cloud", "it"}, {"informatique", "it"}, {"edv", "it"}, {"chief information officer", "it"},
    {"information systems", "it"}, {"enterprise architect", "it"}, {"dsi", "it"},
    {"chief data officer", "engineering"},
    // Words that name no department though they contain one.
    {"executive assistant", ""}, {"executive director", ""},
};

constexpr Affix kDepartmentAffixes[] = {
    {"vertrieb", true, "sales"}, {"marketing", true, "marketing"}, {"personal", true, "hr"},
    {"einkauf", true, "operations"}, {"finanz", true, "finance"}, {"entwickler", false, "engineering"},
    {"software", true, "engineering"},
};

// General management, read only when no department is named ("Founder &
// CTO" is engineering, "Founder & CEO" executive).
constexpr Phrase kExecutive[] = {
    {"to", kStop}, {"reporting", kStop}, {"executive assistant", ""},
    {"ceo", "executive"}, {"chief executive officer", "executive"}, {"founder", "executive"},
    {"cofounder", "executive"}, {"owner", "executive"}, {"president", "executive"},
    {"vice president", ""}, {"chairman", "executive"}, {"chairwoman", "executive"},
    {"managing director", "executive"}, {"general manager", "executive"}, {"managing partner", "executive"},
    {"general partner", "executive"}, {"founding partner", "executive"}, {"geschaftsfuhrer", "executive"},
    {"geschaftsfuhrerin", "executive"}, {"pdg", "executive"}, {"directeur general", "executive"},
    {"directrice generale", "executive"}, {"gerant", "executive"}, {"gerante", "executive"},
    {"inhaber", "executive"}, {"inhaberin", "executive"}, {"fundador", "executive"},
    {"fondateur", "executive"}, {"dirigeant", "executive"}, {"executive director", "executive"},
};

Value function_of(const Value* a, CallContext&) {
    std::vector<std::string> words = stdlib_text::fold_words(a[0].s);
    if (!has_letters(words)) return Value::unknown();
    if (owner_rank_alone(words)) return Value::string("executive");
    std::string_view found;
    static const PhraseIndex departments(kDepartments), executive(kExecutive);
    read_phrases(words, departments, kDepartmentAffixes, [&](std::string_view f) {
        if (found.empty()) found = f;
    });
    if (found.empty())
        read_phrases(words, executive, {}, [&](std::string_view f) {
            if (found.empty()) found = f;
        });
    return Value::string(found.empty() ? std::string_view("other") : found);
}

}  // namespace

void add_title_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"seniority_of", {{"title", K::String}}, optional_string_result, seniority_of, true,
                   "the rank a job title names: ic, manager, director, vp or cxo; unknown without letters"});
    out.push_back({"function_of", {{"title", K::String}}, optional_string_result, function_of, true,
                   "the department a job title names: sales, marketing, engineering, product, finance, "
                   "operations, hr, it, executive or other; unknown without letters"});
}

}  // namespace qualify
