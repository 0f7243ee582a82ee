// Decisions as one line of JSON each, keys in the order of spec §4. The line
// is built through a LineCursor: each key and its punctuation is one literal
// of known length (`,"score":"`), the room for a group of pieces is checked
// once, strings are copied whole unless they hold a byte to escape,
// decimals are written in place, and the summary is written straight into
// the line, escaped piece by piece. Error records and the explain trace,
// rare or large, go through the LineBuilder directly.
#include "interpreter/decision_text.hpp"
#include "interpreter/line_cursor.hpp"

#include <charconv>

namespace qualify {

namespace {

// Each group of pieces below ensures its room once: its strings at
// kMaxEscaped a byte, kPunctuation for its literals (no group writes more
// than 64 bytes of keys and punctuation) and kMaxDecimalText per decimal.
constexpr size_t kPunctuation = 64;

size_t size_of(const std::optional<std::string_view>& v) { return v ? v->size() : 0; }

using Text = WrittenText::Text;

// A decimal as a JSON string of exactly `places` decimals ("61.22"): no
// digit is lost to a binary float on the reader's side.
[[gnu::always_inline]] inline void fixed(LineCursor& c, const Decimal& v, int places) {
    c.put('"');
    c.fixed(v, places);
    c.put('"');
}

[[gnu::always_inline]] inline void opt_string(LineCursor& c, const std::optional<std::string_view>& v) {
    if (v) c.json_string(*v);
    else c.lit("null");
}

// json_chars(s), saying where it went, for the summary to copy.
[[gnu::always_inline]] inline Text recorded(LineCursor& c, std::string_view s) {
    const size_t at = c.offset();
    c.json_chars(s);
    return {at, c.offset() - at};
}

// `[{"code":"…","reason":"…"},…]`; the first kRepeated recorded in `codes`
// and `reasons` when not null.
[[gnu::always_inline]] inline void codes(LineCursor& c, const std::vector<CodeAndReason>& items, Text* codes,
                                         Text* reasons) {
    c.ensure(kPunctuation);
    if (items.empty()) return c.lit("[]");
    c.put('[');
    for (size_t i = 0; i < items.size(); ++i) {
        const CodeAndReason& item = items[i];
        c.ensure(kMaxEscaped * (item.code.size() + item.reason.size()) + kPunctuation);
        if (i) c.put(',');
        c.lit("{\"code\":\"");
        const Text code = recorded(c, item.code);
        c.lit("\",\"reason\":\"");
        const Text reason = recorded(c, item.reason);
        c.lit("\"}");
        if (codes && i < WrittenText::kRepeated) {
            codes[i] = code;
            reasons[i] = reason;
        }
    }
    c.ensure(kPunctuation);
    c.put(']');
}

[[gnu::always_inline]] inline void reasons(LineCursor& c, const std::vector<ReasonItem>& items, WrittenText& w) {
    for (size_t i = 0; i < items.size(); ++i) {
        const ReasonItem& r = items[i];
        c.ensure(kMaxEscaped * (r.code.size() + r.label.size()) + kPunctuation + 2 * kMaxDecimalText);
        if (i) c.put(',');
        c.lit("{\"code\":\"");
        const Text code = recorded(c, r.code);
        c.lit("\",\"label\":\"");
        const Text label = recorded(c, r.label);
        c.lit("\",\"points\":\"");
        const size_t points_at = c.offset();
        c.fixed(r.points, 2);
        const Text points{points_at, c.offset() - points_at};
        c.lit("\",\"of\":\"");
        const size_t weight_at = c.offset();
        c.shortest(r.weight);
        const Text weight{weight_at, c.offset() - weight_at};
        c.lit("\"}");
        // The summary copies the first three from the line.
        if (i < 3) {
            w.reason_codes[i] = code;
            w.reason_labels[i] = label;
            w.points[i] = points;
            w.weights[i] = weight;
        }
    }
}

// The model's name recorded in `name` when not null.
[[gnu::always_inline]] inline void model(LineCursor& c, const ModelOutcome& m, Text* name) {
    c.ensure(kMaxEscaped * m.name.size() + kPunctuation + kMaxDecimalText);
    c.lit("{\"name\":\"");
    const Text written_name = recorded(c, m.name);
    if (name) *name = written_name;
    c.lit("\",\"probability\":\"");
    c.fixed(m.probability, 4);
    c.lit("\",\"factors\":[");
    for (size_t i = 0; i < m.factors.size(); ++i) {
        const ModelFactor& f = m.factors[i];
        c.ensure(kMaxEscaped * (f.feature.size() + f.value.size()) + kPunctuation + kMaxDecimalText);
        if (i) c.put(',');
        c.lit("{\"feature\":\"");
        c.json_chars(f.feature);
        c.lit("\",\"value\":\"");
        c.json_chars(f.value);
        c.lit("\",\"contribution\":\"");
        c.fixed(f.contribution, 4);
        c.lit("\"}");
    }
    c.ensure(kPunctuation);
    c.lit("]}");
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
            b.lit(",\"points\":\"");
            b.fixed(*t.points, 2);
            b.put('"');
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

void error_record(LineBuilder& b, const Decision& d) {
    b.lit("{\"id\":");
    if (d.id.empty()) b.lit("null");
    else b.json_string(d.id);
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
}

}  // namespace

void write_json(LineBuilder& b, const Decision& d) {
    if (d.is_error) return error_record(b, d);
    // Keys and punctuation between two values are one literal, and the
    // common runs of nulls and falses too.
    WrittenText w;  // set as the line is written; read only where set
    LineCursor c(b);
    c.ensure(kMaxEscaped * (d.id.size() + d.route.size() + size_of(d.route_label) + size_of(d.action)) + kPunctuation);
    c.lit("{\"id\":");
    if (d.id.empty()) c.lit("null");
    else c.json_string(d.id);
    c.lit(",\"route\":\"");
    w.route = recorded(c, d.route);
    if (!d.route_label && !d.action) {
        c.lit("\",\"route_label\":null,\"action\":null");
    } else {
        c.lit("\",\"route_label\":");
        opt_string(c, d.route_label);
        c.ensure(kMaxEscaped * size_of(d.action) + kPunctuation);
        c.lit(",\"action\":");
        opt_string(c, d.action);
    }
    if (d.has_assigned) {
        c.ensure(kPunctuation);
        c.lit(",\"assigned\":{");
        for (size_t i = 0; i < d.assigned.size(); ++i) {
            const AssignedValue& a = d.assigned[i];
            c.ensure(kMaxEscaped * (a.name.size() + a.json.size()) + kPunctuation);
            if (i) c.put(',');
            c.json_string(a.name);
            c.put(':');
            c.bytes(a.json);
        }
        c.ensure(kPunctuation);
        c.put('}');
    }
    c.ensure(kPunctuation + 2 * kMaxDecimalText);
    if (!d.score && !d.confidence) {
        c.lit(",\"score\":null,\"confidence\":null,\"disqualified\":");
    } else {
        c.lit(",\"score\":");
        if (d.score) {
            c.put('"');
            w.score.at = c.offset();
            c.fixed(*d.score, 2);
            w.score.size = c.offset() - w.score.at;
            c.put('"');
        } else {
            c.lit("null");
        }
        c.lit(",\"confidence\":");
        if (d.confidence) fixed(c, *d.confidence, 2);
        else c.lit("null");
        c.lit(",\"disqualified\":");
    }
    codes(c, d.disqualified, w.codes, w.code_reasons);
    c.ensure(kMaxEscaped * size_of(d.motion) + kPunctuation);
    if (!d.motion) {
        c.lit(",\"motion\":null,\"reasons\":[");
    } else {
        c.lit(",\"motion\":");
        c.json_string(*d.motion);
        c.lit(",\"reasons\":[");
    }
    reasons(c, d.reasons, w);
    c.ensure(kPunctuation);
    if (d.models.empty()) {
        c.lit("],\"model\":null,\"summary\":\"");
    } else {
        c.lit("],\"model\":");
        if (d.models.size() == 1) {
            model(c, d.models[0], &w.model_name);
        } else {
            c.put('[');
            for (size_t i = 0; i < d.models.size(); ++i) {
                c.ensure(kPunctuation);
                if (i) c.put(',');
                model(c, d.models[i], i == 0 ? &w.model_name : nullptr);
            }
            c.ensure(kPunctuation);
            c.put(']');
        }
        c.ensure(kPunctuation);
        c.lit(",\"summary\":\"");
    }
    c.commit();
    write_summary_json(b, d, &w);
    c.reload();
    c.ensure(kPunctuation);
    if (d.escalations.empty()) {
        c.lit("\",\"escalations\":[],\"unknown\":[");
    } else {
        c.lit("\",\"escalations\":");
        codes(c, d.escalations, nullptr, nullptr);
        c.lit(",\"unknown\":[");
    }
    for (size_t i = 0; i < d.unknown.size(); ++i) {
        c.ensure(kMaxEscaped * d.unknown[i].size() + kPunctuation);
        if (i) c.put(',');
        c.json_string(d.unknown[i]);
    }
    c.ensure(kMaxEscaped * size_of(d.explored_from) + kPunctuation);
    if (!d.review && !d.explore) {
        c.lit("],\"review\":false,\"explore\":false");
    } else {
        c.lit("],\"review\":");
        if (d.review) c.lit("true");
        else c.lit("false");
        c.lit(",\"explore\":");
        if (d.explore) c.lit("true");
        else c.lit("false");
    }
    if (d.explored_from) {
        c.lit(",\"explored_from\":");
        c.json_string(*d.explored_from);
    }
    c.ensure(kMaxEscaped * (d.as_of.size() + d.rulebook.size() + d.rulebook_hash.size()) + kPunctuation);
    c.lit(",\"as_of\":\"");
    c.json_chars(d.as_of);
    c.lit("\",\"rulebook\":\"");
    c.json_chars(d.rulebook);
    c.lit("\",\"rulebook_hash\":\"");
    c.json_chars(d.rulebook_hash);
    c.put('"');
    if (d.traced) {
        c.lit(",\"trace\":");
        c.commit();
        trace(b, d.trace);
        c.reload();
        c.ensure(1);
    }
    c.put('}');
    c.commit();
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
