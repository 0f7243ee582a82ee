// Email and web built-ins: email_local, is_freemail, is_disposable,
// is_role_address, domain_of, registrable_domain. Their lists live in
// stdlib/data/ (source and version in each file's header) and are embedded
// into the library at build time (stdlib/CMakeLists.txt); each is parsed
// into a hash set once, on first use.
#include "builtins.hpp"

#include <string>
#include <unordered_set>

namespace qualify {

namespace stdlib_data {
extern const std::string_view public_suffix_list;
extern const std::string_view free_email_domains;
extern const std::string_view disposable_email_domains;
}  // namespace stdlib_data

namespace {

using DomainSet = std::unordered_set<std::string_view>;

Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }
Type optional_bool_result(std::span<const Type>) { return Type::of(Type::Kind::Bool, true); }

// One entry a line; blank lines and `#` or `//` comment lines are skipped.
// The views point into the embedded text, which lives as long as the program.
template <class F>
void for_each_entry(std::string_view text, F f) {
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#' || line.starts_with("//")) continue;
        f(line);
    }
}

DomainSet load(std::string_view text) {
    DomainSet out;
    for_each_entry(text, [&](std::string_view d) { out.insert(d); });
    return out;
}

const DomainSet& free_domains() {
    static const DomainSet s = load(stdlib_data::free_email_domains);
    return s;
}
const DomainSet& disposable_domains() {
    static const DomainSet s = load(stdlib_data::disposable_email_domains);
    return s;
}

// The public suffix rules split by kind: plain (`co.uk`), wildcard (`*.ck`,
// stored without `*.`) and exception (`!www.ck`, stored without `!`).
struct SuffixRules {
    DomainSet plain, wildcard, exception;
};
const SuffixRules& suffix_rules() {
    static const SuffixRules r = [] {
        SuffixRules out;
        for_each_entry(stdlib_data::public_suffix_list, [&](std::string_view rule) {
            if (rule.starts_with("*.")) out.wildcard.insert(rule.substr(2));
            else if (rule.starts_with("!")) out.exception.insert(rule.substr(1));
            else out.plain.insert(rule);
        });
        return out;
    }();
    return r;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The domain an email or a bare domain names: lower-cased, without a
// trailing dot. Empty when there is none.
std::string domain_part(std::string_view s) {
    auto at = s.rfind('@');
    if (at != std::string_view::npos) s = s.substr(at + 1);
    while (!s.empty() && s.back() == '.') s.remove_suffix(1);
    return lower_ascii(s);
}

// Letters, digits, '-', and the bytes of non-ASCII (IDN) labels; labels not empty.
bool valid_host(std::string_view h) {
    if (h.empty() || h.front() == '.' || h.back() == '.' || h.find("..") != std::string_view::npos) return false;
    for (char c : h) {
        auto u = static_cast<unsigned char>(c);
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || u >= 0x80;
        if (!ok) return false;
    }
    return true;
}

Value email_local(const Value* a, CallContext& ctx) {
    auto at = a[0].s.rfind('@');
    if (at == std::string_view::npos) return Value::unknown();
    return Value::string(ctx.arena.keep(lower_ascii(a[0].s.substr(0, at))));
}

Value is_freemail(const Value* a, CallContext&) {
    std::string d = domain_part(a[0].s);
    if (!valid_host(d)) return Value::unknown();
    return Value::boolean(free_domains().count(d) > 0);
}

// A disposable domain's subdomains are disposable too: such services hand
// out names under their domain.
Value is_disposable(const Value* a, CallContext&) {
    std::string d = domain_part(a[0].s);
    if (!valid_host(d)) return Value::unknown();
    const DomainSet& set = disposable_domains();
    for (std::string_view s = d;;) {
        if (set.count(s)) return Value::boolean(true);
        auto dot = s.find('.');
        if (dot == std::string_view::npos) return Value::boolean(false);
        s.remove_prefix(dot + 1);
    }
}

// Mailboxes of a function rather than a person. A `+tag` is ignored
// (sales+eu@ is sales@); the part before it is compared lower-cased.
Value is_role_address(const Value* a, CallContext&) {
    static const std::unordered_set<std::string_view> roles = {
        "abuse",     "accounts",  "admin",    "administrator", "billing",   "careers",   "contact",
        "customerservice", "enquiries", "feedback", "finance", "hello",    "help",      "helpdesk",
        "hostmaster", "hr",       "info",     "inquiries",     "invoices",  "jobs",      "legal",
        "mail",      "marketing", "media",    "newsletter",    "no-reply",  "noreply",   "office",
        "postmaster", "press",    "privacy",  "recruiting",    "reception", "sales",     "security",
        "service",   "support",   "team",     "webmaster"};
    auto at = a[0].s.rfind('@');
    if (at == std::string_view::npos) return Value::unknown();
    std::string local = lower_ascii(a[0].s.substr(0, at));
    if (auto plus = local.find('+'); plus != std::string::npos) local.resize(plus);
    return Value::boolean(roles.count(local) > 0);
}

// The host of a URL, lower-cased, without scheme, user, port, path, query,
// fragment, trailing dot or a leading `www.` (CRM websites come both ways).
// The scheme is optional: "example.com/about" is a URL here. Unknown when
// no valid host name remains (an IP address literal in brackets included).
Value domain_of(const Value* a, CallContext& ctx) {
    std::string_view u = a[0].s;
    while (!u.empty() && (u.front() == ' ' || u.front() == '\t')) u.remove_prefix(1);
    if (auto scheme = u.find("://"); scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
    else if (u.starts_with("//")) u.remove_prefix(2);
    u = u.substr(0, u.find_first_of("/?#"));
    if (auto at = u.rfind('@'); at != std::string_view::npos) u.remove_prefix(at + 1);
    u = u.substr(0, u.find(':'));
    while (!u.empty() && (u.back() == '.' || u.back() == ' ' || u.back() == '\t')) u.remove_suffix(1);
    std::string host = lower_ascii(u);
    if (host.starts_with("www.") && host.size() > 4) host.erase(0, 4);
    if (!valid_host(host)) return Value::unknown();
    return Value::string(ctx.arena.keep(host));
}

// The public suffix plus one label, by the public suffix list's algorithm
// (https://publicsuffix.org/list/): the longest matching rule wins, an
// exception rule over a wildcard, and an unlisted TLD is a suffix of one
// label. Unknown for a host that is itself a public suffix, is not a valid
// host name or is an IP address. Matching is on the text as given: IDN hosts
// match the list's Unicode entries, punycode (xn--) ones only its ASCII entries.
Value registrable_domain(const Value* a, CallContext& ctx) {
    std::string host = domain_part(a[0].s);
    if (!valid_host(host) || a[0].s.find('@') != std::string_view::npos) return Value::unknown();
    std::string_view h = host;
    auto last_dot = h.rfind('.');
    std::string_view tld = last_dot == std::string_view::npos ? h : h.substr(last_dot + 1);
    if (tld.find_first_not_of("0123456789") == std::string_view::npos) return Value::unknown();  // IPv4
    const SuffixRules& r = suffix_rules();
    // Offsets into h where each label starts, left to right.
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < h.size(); ++i)
        if (h[i] == '.') starts.push_back(i + 1);
    size_t suffix = starts.size() - 1;  // index of the public suffix's first label; default rule `*`
    for (size_t i = 0; i < starts.size(); ++i) {
        std::string_view s = h.substr(starts[i]);
        if (r.exception.count(s)) {
            suffix = i + 1;
            break;
        }
        bool wild = i + 1 < starts.size() && r.wildcard.count(h.substr(starts[i + 1]));
        if (r.plain.count(s) || wild) {
            suffix = i;
            break;
        }
    }
    if (suffix == 0) return Value::unknown();
    std::string_view registrable = h.substr(starts[suffix - 1]);
    return Value::string(ctx.arena.keep(registrable));
}

}  // namespace

void add_email_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"email_local", {{"email", K::String}}, optional_string_result, email_local, true,
                   "the lower-cased part before the last '@'; unknown without '@'"});
    out.push_back({"is_freemail", {{"email", K::String}}, optional_bool_result, is_freemail, true,
                   "whether the address (or domain) is at a free email provider"});
    out.push_back({"is_disposable", {{"email", K::String}}, optional_bool_result, is_disposable, true,
                   "whether the address (or domain) is at a disposable email service"});
    out.push_back({"is_role_address", {{"email", K::String}}, optional_bool_result, is_role_address, true,
                   "whether the address is a function's mailbox (info@, sales@, ...); unknown without '@'"});
    out.push_back({"domain_of", {{"url", K::String}}, optional_string_result, domain_of, true,
                   "the lower-cased host of a URL without `www.`; unknown without a host"});
    out.push_back({"registrable_domain", {{"host", K::String}}, optional_string_result, registrable_domain, true,
                   "the public suffix plus one label (shop.example.co.uk -> example.co.uk)"});
}

}  // namespace qualify
