// The spec rulebook as straight-line C++ (see native_saas.hpp).
#include "native_saas.hpp"

#include <array>
#include <string>

namespace qualify {

namespace {

const Decimal kZero = Decimal::zero(), kOne = Decimal::one(), kHundred = Decimal::from_int(100);
Decimal dec(const char* s) { return *Decimal::parse(s); }
// Parsed once, as the VM's constants are.
const Decimal kHalf = dec("0.5"), kPoint3 = dec("0.3"), kPoint7 = dec("0.7");
Decimal clamp01(Decimal x) { return x < kZero ? kZero : (x > kOne ? kOne : x); }
Decimal dmin(Decimal a, Decimal b) { return b < a ? b : a; }

bool in(std::string_view s, std::initializer_list<std::string_view> set) {
    for (auto x : set)
        if (x == s) return true;
    return false;
}

bool academic_domain(std::string_view d) {
    if (d.size() >= 4 && d.substr(d.size() - 4) == ".edu") return true;
    return d.size() >= 6 && d.substr(d.size() - 6, 4) == ".ac." && std::islower(static_cast<unsigned char>(d[d.size() - 2])) &&
           std::islower(static_cast<unsigned char>(d.back()));
}

}  // namespace

NativeSaas::NativeSaas(const Program& p) : p_(p) {
    auto s = [&](const char* n) { return p.schema.find(n); };
    email = s("email"); source = s("source"); domain = s("company.domain"); employees = s("company.employees");
    industry = s("company.industry"); country = s("company.country"); stack = s("company.tech_stack");
    seniority = s("contact.seniority"); job_change = s("contact.changed_job_recently"); customer = s("crm.is_customer");
    competitor = s("crm.is_competitor"); pages = s("engagement.pages_visited"); downloads = s("engagement.downloads");
    intent = s("intent.score"); spike = s("intent.days_since_spike"); active_users = s("product.active_users");
}

NativeDecision NativeSaas::decide(const Lead& lead) const {
    const Value* v = lead.slots.data();
    NativeDecision d;
    // Disqualifiers.
    std::string_view em = v[email].s;
    auto at = em.rfind('@');
    std::string dom;
    if (at != std::string_view::npos) {
        dom = std::string(em.substr(at + 1));
        for (char& c : dom) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    bool dq = (v[customer].known() && v[customer].b) ||
              (v[domain].known() && in(v[domain].s, {"rivalco.com", "acme-leads.io"})) ||
              (v[competitor].known() && v[competitor].b) || (at != std::string_view::npos && academic_domain(dom)) ||
              (v[employees].known() && v[employees].n < Decimal::from_int(10)) ||
              (v[country].known() && in(v[country].s, {"KP", "IR", "CU", "SY"}));
    if (dq) {
        d.route = "reject";
        d.disqualified = true;
        return d;
    }
    int src = v[source].i;  // inbound_form, content_syndication, outbound, partner, event, product_signup
    bool product_led = src == 5, event = src == 4, partner = src == 3;
    Decimal points, positive, unknown;
    auto criterion = [&](bool known, Decimal fit, Decimal weight) {
        if (weight > kZero) positive = positive + weight;
        if (!known) {
            if (weight > kZero) unknown = unknown + weight;
            return;
        }
        points = points + clamp01(fit) * weight;
    };
    // industry_fit
    {
        Decimal fit;
        bool known = v[industry].known();
        if (known) {
            auto s = v[industry].s;
            fit = in(s, {"software", "fintech", "healthtech"}) ? kOne : in(s, {"ecommerce", "media", "logistics"}) ? kHalf : kZero;
        }
        criterion(known, fit, Decimal::from_int(product_led ? 10 : 20));
    }
    // size_fit: proximity(employees, ideal: 200..2000, zero: 10..20000)
    {
        bool known = v[employees].known();
        Decimal x = v[employees].n, fit;
        if (known) {
            if (x >= Decimal::from_int(200) && x <= Decimal::from_int(2000)) fit = kOne;
            else if (x > Decimal::from_int(10) && x < Decimal::from_int(200)) fit = (x - Decimal::from_int(10)) / Decimal::from_int(190);
            else if (x > Decimal::from_int(2000) && x < Decimal::from_int(20000)) fit = (Decimal::from_int(20000) - x) / Decimal::from_int(18000);
        }
        criterion(known, fit, Decimal::from_int(15));
    }
    // seniority
    {
        bool known = v[seniority].known();
        static const std::array<Decimal, 5> fits = {dec("0.1"), dec("0.4"), kPoint7, kOne, kOne};
        criterion(known, known ? fits[static_cast<size_t>(v[seniority].i)] : kZero, Decimal::from_int(15));
    }
    // tech_fit: min(count(stack & partner_stack) / 2, 1)
    {
        bool known = v[stack].known();
        Decimal fit;
        if (known) {
            int n = 0;
            std::array<bool, 4> seen{};
            static const std::array<std::string_view, 4> partners = {"salesforce", "hubspot", "segment", "snowflake"};
            for (uint32_t i = 0; i < v[stack].count; ++i)
                for (size_t k = 0; k < partners.size(); ++k)
                    if (!seen[k] && v[stack].items[i].s == partners[k]) seen[k] = true, ++n;
            fit = dmin(Decimal::from_int(n) / Decimal::from_int(2), kOne);
        }
        criterion(known, fit, Decimal::from_int(10));
    }
    // engagement (disabled by product_led)
    if (!product_led) {
        bool known = v[pages].known() && v[downloads].known();
        Decimal fit;
        if (known)
            fit = dmin(v[pages].n / Decimal::from_int(20), kOne) * kPoint7 +
                  dmin(v[downloads].n / Decimal::from_int(3), kOne) * kPoint3;
        criterion(known, fit, Decimal::from_int(15));
    }
    // intent: intent.score / 100 * decay(days_since_spike, half_life: 14)
    {
        bool known = v[intent].known() && v[spike].known();
        Decimal fit;
        if (known) {
            Decimal days = v[spike].n;
            Decimal decay = days <= kZero ? kOne : Decimal::pow(kHalf, days / Decimal::from_int(14));
            fit = v[intent].n / kHundred * decay;
        }
        criterion(known, fit, Decimal::from_int(25));
    }
    criterion(v[job_change].known(), v[job_change].b ? kOne : kZero, Decimal::from_int(-10));
    if (product_led) {
        bool known = v[active_users].known();
        criterion(known, known ? dmin(v[active_users].n / Decimal::from_int(5), kOne) : kZero, Decimal::from_int(30));
    }
    if (event) criterion(true, kOne, Decimal::from_int(10));
    Decimal rules, known_share = kOne;
    if (positive != kZero) {
        rules = points * kHundred / positive;
        rules = rules < kZero ? kZero : (rules > kHundred ? kHundred : rules);
        known_share = (positive - unknown) / positive;
    }
    Decimal score = rules;
    if (!p_.models.empty()) {  // the bench also runs the rulebook without its model
        Decimal probability = p_.models[0].model->evaluate_into(v, factors_);
        score = kPoint7 * rules + kPoint3 * probability * kHundred;
    }
    score = (score < kZero ? kZero : (score > kHundred ? kHundred : score)).round_half_away(2);
    Decimal confidence = clamp01(known_share).round_half_away(2);
    if (confidence < kHalf) ++d.escalations;
    if (v[employees].known() && v[employees].n >= Decimal::from_int(5000) && score < Decimal::from_int(60)) ++d.escalations;
    if (partner) ++d.escalations;
    d.score = score;
    d.confidence = confidence;
    d.route = score >= Decimal::from_int(80) && confidence >= kPoint7 ? "ae"
              : score >= Decimal::from_int(60)                          ? "sdr"
              : score >= Decimal::from_int(30)                          ? "nurture"
                                                                        : "reject";
    return d;
}

}  // namespace qualify
