// Writing and reading decision-log records as JSON lines. Reading uses
// nlohmann-json (a log is read once per report, so a DOM is fine there);
// writing is by hand, once per lead scored.
#include "report/log_record.hpp"

#include "interpreter/json_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace qualify::report {

using nlohmann::ordered_json;

namespace {

std::vector<std::string> strings(const std::vector<CodeAndReason>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.emplace_back(i.code);
    return out;
}

NamedText pairs_of(const ordered_json& o, bool values_as_json) {
    NamedText out;
    if (!o.is_object()) return out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.emplace_back(it.key(), values_as_json ? it.value().dump() : it.value().get<std::string>());
    return out;
}

bool valid_timestamp(const std::string& s) {
    // "YYYY-MM-DDThh:mm:ssZ": digits everywhere but the separators.
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (s.size() != shape.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i]) return false;
    return true;
}

}  // namespace

RunInfo run_info(const Rulebook& rulebook, std::string logged_at) {
    return {std::move(logged_at), rulebook.qualified_routes(), rulebook.rejection_reasons(),
            rulebook.model_hashes()};
}

LogRecord make_record(const Decision& d, const RunInfo& run, NamedText fields) {
    LogRecord r;
    r.logged_at = run.logged_at;
    r.as_of = d.as_of;
    r.id = d.id;
    r.rulebook = std::string(d.rulebook);
    r.rulebook_hash = std::string(d.rulebook_hash);
    r.model_hashes = run.model_hashes;
    r.rejection_reasons = run.rejection_reasons;
    if (d.is_error) {
        r.error = d.error.empty() ? "error" : d.error;
        return r;
    }
    r.route = std::string(d.route);
    if (d.explored_from) r.explored_from = std::string(*d.explored_from);
    // An explored lead is judged by the route it was sent to.
    r.qualified = std::find(run.qualified_routes.begin(), run.qualified_routes.end(), r.route) !=
                  run.qualified_routes.end();
    if (d.score) r.score = d.score->to_fixed(2);
    if (d.confidence) r.confidence = d.confidence->to_fixed(2);
    if (d.motion) r.motion = std::string(*d.motion);
    r.disqualified = strings(d.disqualified);
    for (const auto& reason : d.reasons) r.reasons.emplace_back(reason.code);
    r.escalations = strings(d.escalations);
    r.review = d.review;
    r.explore = d.explore;
    for (const auto& m : d.models) r.models.emplace_back(std::string(m.name), m.probability.to_fixed(4));
    r.summary = summary(d);
    r.fields = std::move(fields);
    return r;
}

// Written by hand, like a decision (interpreter/decision_json.cpp): a log
// record is written for every lead scored, and building a DOM for each
// (and re-parsing every field's JSON text into it) tripled a run's time.
std::string to_json_line(const LogRecord& r) {
    std::string out;
    out.reserve(1024);
    auto key = [&](std::string_view k) {
        out += out.empty() ? "{" : ",";
        append_json_string(out, k);
        out += ':';
    };
    auto text = [&](std::string_view k, std::string_view v) {
        key(k);
        append_json_string(out, v);
    };
    auto text_or_null = [&](std::string_view k, const std::optional<std::string>& v) {
        key(k);
        if (v) append_json_string(out, *v);
        else out += "null";
    };
    auto flag = [&](std::string_view k, bool v) {
        key(k);
        out += v ? "true" : "false";
    };
    auto list = [&](std::string_view k, const std::vector<std::string>& items) {
        key(k);
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, items[i]);
        }
        out += ']';
    };
    auto object = [&](std::string_view k, const NamedText& pairs, bool values_are_json) {
        key(k);
        out += '{';
        for (size_t i = 0; i < pairs.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, pairs[i].first);
            out += ':';
            if (values_are_json) out += pairs[i].second;
            else append_json_string(out, pairs[i].second);
        }
        out += '}';
    };
    auto nonempty = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
    text("logged_at", r.logged_at);
    text("as_of", r.as_of);
    text("id", r.id);
    if (!r.error.empty()) {
        text("error", r.error);
    } else {
        text("route", r.route);
        text_or_null("explored_from", r.explored_from);
        flag("qualified", r.qualified);
        text_or_null("score", nonempty(r.score));
        text_or_null("confidence", nonempty(r.confidence));
        text_or_null("motion", r.motion);
        list("disqualified", r.disqualified);
        list("reasons", r.reasons);
        list("escalations", r.escalations);
        flag("review", r.review);
        flag("explore", r.explore);
        object("models", r.models, false);
        text("summary", r.summary);
    }
    text("rulebook", r.rulebook);
    text("rulebook_hash", r.rulebook_hash);
    object("model_hashes", r.model_hashes, false);
    list("rejection_reasons", r.rejection_reasons);
    if (r.error.empty()) object("fields", r.fields, true);
    out += '}';
    return out;
}

std::optional<LogRecord> parse_json_line(std::string_view line, std::string& error) {
    ordered_json j = ordered_json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not a JSON object";
        return std::nullopt;
    }
    try {
        LogRecord r;
        auto text = [&](const char* key) {
            auto it = j.find(key);
            return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
        };
        auto list = [&](const char* key) {
            auto it = j.find(key);
            return it == j.end() || it->is_null() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
        };
        auto flag = [&](const char* key) { return j.value(key, false); };
        r.logged_at = text("logged_at");
        r.as_of = text("as_of");
        r.id = text("id");
        r.error = text("error");
        r.route = text("route");
        if (auto it = j.find("explored_from"); it != j.end() && !it->is_null()) r.explored_from = it->get<std::string>();
        r.qualified = flag("qualified");
        r.score = text("score");
        r.confidence = text("confidence");
        if (auto it = j.find("motion"); it != j.end() && !it->is_null()) r.motion = it->get<std::string>();
        r.disqualified = list("disqualified");
        r.reasons = list("reasons");
        r.escalations = list("escalations");
        r.review = flag("review");
        r.explore = flag("explore");
        if (auto it = j.find("models"); it != j.end()) r.models = pairs_of(*it, false);
        r.summary = text("summary");
        r.rulebook = text("rulebook");
        r.rulebook_hash = text("rulebook_hash");
        if (auto it = j.find("model_hashes"); it != j.end()) r.model_hashes = pairs_of(*it, false);
        r.rejection_reasons = list("rejection_reasons");
        if (auto it = j.find("fields"); it != j.end()) r.fields = pairs_of(*it, true);
        if (r.id.empty()) {
            error = "a record without an id";
            return std::nullopt;
        }
        if (r.error.empty() && r.route.empty()) {
            error = "a record without a route";
            return std::nullopt;
        }
        return r;
    } catch (const nlohmann::json::exception&) {
        error = "a key of the wrong type";
        return std::nullopt;
    }
}

std::optional<std::string> run_timestamp(const std::optional<std::string>& override_text) {
    std::optional<std::string> given = override_text;
    if (!given) {
        if (const char* env = std::getenv("QUALIFY_NOW"); env && *env) given = std::string(env);
    }
    if (given) {
        if (!valid_timestamp(*given)) return std::nullopt;
        return given;
    }
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buf);
}

}  // namespace qualify::report
