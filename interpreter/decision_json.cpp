// Decisions as one line of JSON each, keys in the order of spec §4. The line
// is built in a LineBuilder: each key and its punctuation is one literal of
// known length (`,"score":`), decimals are written in place, and the summary
// is written straight into the line, escaped piece by piece.
#include "interpreter/decision_text.hpp"

#include <charconv>

namespace qualify {

namespace {

// A decimal as a JSON string of exactly `places` decimals ("61.22"): no
// digit is lost to a binary float on the reader's side.
void fixed(LineBuilder& b, const Decimal& v, int places) {
    char* p = b.room(kMaxDecimalText + 2);
    *p++ = '"';
    p = write_fixed(p, v, places);
    *p++ = '"';
    b.commit(p);
}

// `"20"}`: a reason's weight, shortest, and the end of its object.
void weight_and_close(LineBuilder& b, const Decimal& v) {
    char* p = b.room(kMaxDecimalText + 3);
    *p++ = '"';
    p = write_shortest(p, v);
    *p++ = '"';
    *p++ = '}';
    b.commit(p);
}

void opt_string(LineBuilder& b, const std::optional<std::string_view>& v) {
    if (v) b.json_string(*v);
    else b.lit("null");
}

void opt_number(LineBuilder& b, const std::optional<Decimal>& v, int places) {
    if (v) fixed(b, *v, places);
    else b.lit("null");
}

void codes(LineBuilder& b, const std::vector<CodeAndReason>& items) {
    b.put('[');
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) b.put(',');
        b.lit("{\"code\":");
        b.json_string(items[i].code);
        b.lit(",\"reason\":");
        b.json_string(items[i].reason);
        b.put('}');
    }
    b.put(']');
}

void model(LineBuilder& b, const ModelOutcome& m) {
    b.lit("{\"name\":");
    b.json_string(m.name);
    b.lit(",\"probability\":");
    fixed(b, m.probability, 4);
    b.lit(",\"factors\":[");
    for (size_t i = 0; i < m.factors.size(); ++i) {
        const ModelFactor& f = m.factors[i];
        if (i) b.put(',');
        b.lit("{\"feature\":");
        b.json_string(f.feature);
        b.lit(",\"value\":");
        b.json_string(f.value);
        b.lit(",\"contribution\":");
        fixed(b, f.contribution, 4);
        b.put('}');
    }
    b.lit("]}");
}

void trace(LineBuilder& b, const std::vector<TraceEntry>& entries) {
    b.put('[');
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto& t = entries[i];
        if (i) b.put(',');
        b.lit("{\"rule\":");
        b.json_string(t.rule);
        if (!t.at.empty()) {
            b.lit(",\"at\":");
            b.json_string(t.at);
        }
        b.lit(",\"inputs\":{");
        for (size_t j = 0; j < t.inputs.size(); ++j) {
            if (j) b.put(',');
            b.json_string(t.inputs[j].first);
            b.put(':');
            b.bytes(t.inputs[j].second);
        }
        b.lit("},\"result\":");
        b.json_string(t.result);
        if (t.points) {
            b.lit(",\"points\":");
            fixed(b, *t.points, 2);
        }
        if (t.weight) {
            b.lit(",\"weight\":\"");
            b.shortest(*t.weight);
            b.put('"');
        }
        if (!t.note.empty()) {
            b.lit(",\"why\":");
            b.json_string(t.note);
        }
        b.put('}');
    }
    b.put(']');
}

void booleans(LineBuilder& b, bool review, bool explore) {
    b.lit(",\"review\":");
    if (review) b.lit("true");
    else b.lit("false");
    b.lit(",\"explore\":");
    if (explore) b.lit("true");
    else b.lit("false");
}

}  // namespace

void write_json(LineBuilder& b, const Decision& d) {
    b.lit("{\"id\":");
    if (d.id.empty()) b.lit("null");
    else b.json_string(d.id);
    if (d.is_error) {
        b.lit(",\"line\":");
        if (d.line) {
            char digits[24];
            b.bytes({digits, static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, d.line).ptr - digits)});
        } else {
            b.lit("null");
        }
        b.lit(",\"error\":");
        b.json_string(d.error);
        b.put('}');
        return;
    }
    b.lit(",\"route\":");
    b.json_string(d.route);
    b.lit(",\"route_label\":");
    opt_string(b, d.route_label);
    b.lit(",\"action\":");
    opt_string(b, d.action);
    if (d.has_assigned) {
        b.lit(",\"assigned\":{");
        for (size_t i = 0; i < d.assigned.size(); ++i) {
            if (i) b.put(',');
            b.json_string(d.assigned[i].name);
            b.put(':');
            b.bytes(d.assigned[i].json);
        }
        b.put('}');
    }
    b.lit(",\"score\":");
    opt_number(b, d.score, 2);
    b.lit(",\"confidence\":");
    opt_number(b, d.confidence, 2);
    b.lit(",\"disqualified\":");
    codes(b, d.disqualified);
    b.lit(",\"motion\":");
    opt_string(b, d.motion);
    b.lit(",\"reasons\":[");
    for (size_t i = 0; i < d.reasons.size(); ++i) {
        const ReasonItem& r = d.reasons[i];
        if (i) b.put(',');
        b.lit("{\"code\":");
        b.json_string(r.code);
        b.lit(",\"label\":");
        b.json_string(r.label);
        b.lit(",\"points\":");
        fixed(b, r.points, 2);
        b.lit(",\"of\":");
        weight_and_close(b, r.weight);
    }
    b.lit("],\"model\":");
    if (d.models.empty()) {
        b.lit("null");
    } else if (d.models.size() == 1) {
        model(b, d.models[0]);
    } else {
        b.put('[');
        for (size_t i = 0; i < d.models.size(); ++i) {
            if (i) b.put(',');
            model(b, d.models[i]);
        }
        b.put(']');
    }
    b.lit(",\"summary\":");
    b.put('"');
    write_summary_json(b, d);
    b.put('"');
    b.lit(",\"escalations\":");
    codes(b, d.escalations);
    b.lit(",\"unknown\":[");
    for (size_t i = 0; i < d.unknown.size(); ++i) {
        if (i) b.put(',');
        b.json_string(d.unknown[i]);
    }
    b.put(']');
    booleans(b, d.review, d.explore);
    if (d.explored_from) {
        b.lit(",\"explored_from\":");
        b.json_string(*d.explored_from);
    }
    b.lit(",\"as_of\":");
    b.json_string(d.as_of);
    b.lit(",\"rulebook\":");
    b.json_string(d.rulebook);
    b.lit(",\"rulebook_hash\":");
    b.json_string(d.rulebook_hash);
    if (d.traced) {
        b.lit(",\"trace\":");
        trace(b, d.trace);
    }
    b.put('}');
}

void append_json(std::string& out, const Decision& d) {
    LineBuilder b;
    write_json(b, d);
    b.append_to(out);
}

std::string to_json(const Decision& d) {
    std::string out;
    append_json(out, d);
    return out;
}

}  // namespace qualify
