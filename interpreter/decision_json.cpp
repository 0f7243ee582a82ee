// Decisions as one line of JSON each, keys in the order of spec §4.
#include "qualify/decision.hpp"

#include "json_text.hpp"

namespace qualify {

namespace {

// `,"k":` (no comma after the opening brace); the literal's length is
// known at compile time, so the key is one append.
template <size_t N>
void key(std::string& out, const char (&k)[N]) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('"');
    out.append(k, N - 1);
    out += "\":";
}

// A decimal as a JSON string of exactly `places` decimals ("61.22"): no
// digit is lost to a binary float on the reader's side.
void fixed(std::string& out, const Decimal& v, int places) {
    out.push_back('"');
    v.append_fixed(out, places);
    out.push_back('"');
}

// `[a,b,…]` with each element written by `write`.
template <typename Items, typename Write>
void array(std::string& out, const Items& items, Write write) {
    out.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out.push_back(',');
        write(items[i]);
    }
    out.push_back(']');
}

void opt_string(std::string& out, const std::optional<std::string_view>& v) {
    if (v) append_json_string(out, *v);
    else out += "null";
}

void opt_number(std::string& out, const std::optional<Decimal>& v, int places) {
    if (v) fixed(out, *v, places);
    else out += "null";
}

void codes(std::string& out, const std::vector<CodeAndReason>& items) {
    array(out, items, [&](const CodeAndReason& c) {
        out += "{\"code\":";
        append_json_string(out, c.code);
        out += ",\"reason\":";
        append_json_string(out, c.reason);
        out.push_back('}');
    });
}

void model(std::string& out, const ModelOutcome& m) {
    out += "{\"name\":";
    append_json_string(out, m.name);
    out += ",\"probability\":";
    fixed(out, m.probability, 4);
    out += ",\"factors\":";
    array(out, m.factors, [&](const ModelFactor& f) {
        out += "{\"feature\":";
        append_json_string(out, f.feature);
        out += ",\"value\":";
        append_json_string(out, f.value);
        out += ",\"contribution\":";
        fixed(out, f.contribution, 4);
        out.push_back('}');
    });
    out.push_back('}');
}

void trace(std::string& out, const std::vector<TraceEntry>& entries) {
    out.push_back('[');
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto& t = entries[i];
        if (i) out.push_back(',');
        out += "{\"rule\":";
        append_json_string(out, t.rule);
        if (!t.at.empty()) {
            out += ",\"at\":";
            append_json_string(out, t.at);
        }
        out += ",\"inputs\":{";
        for (size_t j = 0; j < t.inputs.size(); ++j) {
            if (j) out.push_back(',');
            append_json_string(out, t.inputs[j].first);
            out.push_back(':');
            out += t.inputs[j].second;
        }
        out += "},\"result\":";
        append_json_string(out, t.result);
        if (t.points) {
            out += ",\"points\":";
            fixed(out, *t.points, 2);
        }
        if (t.weight) {
            out += ",\"weight\":";
            append_json_string(out, t.weight->to_string());
        }
        if (!t.note.empty()) {
            out += ",\"why\":";
            append_json_string(out, t.note);
        }
        out.push_back('}');
    }
    out.push_back(']');
}

}  // namespace

std::string to_json(const Decision& d) {
    std::string out;
    out.reserve(d.traced ? 4096 : 1024);  // a typical decision line, so it is built without regrowing
    out.push_back('{');
    key(out, "id");
    if (d.id.empty()) out += "null";
    else append_json_string(out, d.id);
    if (d.is_error) {
        key(out, "line");
        out += d.line ? std::to_string(d.line) : "null";
        key(out, "error");
        append_json_string(out, d.error);
        out.push_back('}');
        return out;
    }
    key(out, "route");
    append_json_string(out, d.route);
    key(out, "route_label");
    opt_string(out, d.route_label);
    key(out, "action");
    opt_string(out, d.action);
    if (d.has_assigned) {
        key(out, "assigned");
        out += '{';
        for (size_t i = 0; i < d.assigned.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, d.assigned[i].name);
            out += ':';
            out += d.assigned[i].json;
        }
        out += '}';
    }
    key(out, "score");
    opt_number(out, d.score, 2);
    key(out, "confidence");
    opt_number(out, d.confidence, 2);
    key(out, "disqualified");
    codes(out, d.disqualified);
    key(out, "motion");
    opt_string(out, d.motion);
    key(out, "reasons");
    array(out, d.reasons, [&](const ReasonItem& r) {
        out += "{\"code\":";
        append_json_string(out, r.code);
        out += ",\"label\":";
        append_json_string(out, r.label);
        out += ",\"points\":";
        fixed(out, r.points, 2);
        out += ",\"of\":";
        append_json_string(out, r.weight.to_string());
        out.push_back('}');
    });
    key(out, "model");
    if (d.models.empty()) out += "null";
    else if (d.models.size() == 1) model(out, d.models[0]);
    else array(out, d.models, [&](const ModelOutcome& m) { model(out, m); });
    key(out, "summary");
    append_json_string(out, summary(d));
    key(out, "escalations");
    codes(out, d.escalations);
    key(out, "unknown");
    array(out, d.unknown, [&](std::string_view f) { append_json_string(out, f); });
    key(out, "review");
    out += d.review ? "true" : "false";
    key(out, "explore");
    out += d.explore ? "true" : "false";
    if (d.explored_from) {
        key(out, "explored_from");
        append_json_string(out, *d.explored_from);
    }
    key(out, "as_of");
    append_json_string(out, d.as_of);
    key(out, "rulebook");
    append_json_string(out, d.rulebook);
    key(out, "rulebook_hash");
    append_json_string(out, d.rulebook_hash);
    if (d.traced) {
        key(out, "trace");
        trace(out, d.trace);
    }
    out.push_back('}');
    return out;
}

}  // namespace qualify
