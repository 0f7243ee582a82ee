// `dedupe by` keys: each part's canonical text (value_text: strings and
// dates JSON-quoted, numbers in their shortest exact form, enum values by
// name), separated by a newline (which the quoted forms never contain), hashed
// with FNV-1a 128. Equal keys give equal text, so equal hashes; the run
// keeps only the hash.
#include "dedupe_key.hpp"

#include "decide.hpp"
#include "program.hpp"
#include "trace_format.hpp"

namespace qualify {

namespace {

using u128 = unsigned __int128;

// FNV-1a 128: offset basis 0x6c62272e07bb014262b821756295c58d, prime 2^88 + 0x13b.
constexpr u128 kFnvOffset = (static_cast<u128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
constexpr u128 kFnvPrime = (static_cast<u128>(1) << 88) | 0x13bU;

u128 fnv1a128(u128 h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
    return h;
}

}  // namespace

std::optional<DedupeKey> dedupe_key(EvalContext& ctx) {
    const Program& p = ctx.program();
    u128 h = kFnvOffset;
    for (RootId root : p.dedupe_keys) {
        const Value v = ctx.eval(root);
        if (!v.known()) return std::nullopt;
        const int enum_id = p.type_of(*p.roots[static_cast<size_t>(root)]).enum_id;
        h = fnv1a128(h, value_text(p, v, enum_id));
        h = fnv1a128(h, "\n");
    }
    // The key's reads are not a rule's inputs: keep them out of the trace.
    if (ctx.tracing()) ctx.take_reads();
    return DedupeKey{static_cast<uint64_t>(h >> 64), static_cast<uint64_t>(h)};
}

void mark_duplicate(const Program& p, std::string_view reason, Decision& d) {
    d.disqualified.push_back({"duplicate", reason});
    d.route = "reject";
    d.route_label.reset();
    d.action.reset();
    d.score.reset();
    d.confidence.reset();
    d.motion.reset();
    d.reasons.clear();
    d.models.clear();
    d.escalations.clear();
    d.explore = false;
    d.explored_from.reset();
    d.review = false;
    // The same sampling as a lead a disqualifier rejected (decide.cpp).
    for (const auto& r : p.reviews) {
        if (r.of_route != -1) continue;
        d.review = sampled(p.name, "review", d.id, r.basis_points);
        break;
    }
    if (d.traced) {
        TraceEntry t;
        t.rule = "dedupe";
        t.at = p.ast->file + ":" + std::to_string(p.dedupe_span.line) + ":" + std::to_string(p.dedupe_span.column);
        t.result = "reject";
        t.note = std::string(reason) + ": an earlier lead of the run has the same key";
        if (d.review) t.note += "; sampled for human review";
        d.trace.push_back(std::move(t));
    }
}

}  // namespace qualify
