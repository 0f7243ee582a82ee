// Ordered, optionally parallel evaluation of JSON Lines and CSV records (see
// lead_stream.hpp). Both inputs fill a batch and share flush(): the slicing
// and the in-order hand-over live in one place.
#include "cli/lead_stream.hpp"

#include <exception>
#include <thread>

namespace qualify::cli {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

// The result's JSON line, into the string it keeps from batch to batch.
void make_json(StreamResult& r) {
    r.json.clear();
    append_json(r.json, r.decision);
}

}  // namespace

LeadStream::LeadStream(const Rulebook& rulebook, const EvalOptions& options, unsigned threads,
                       bool make_json)
    : run_(rulebook), make_json_(make_json) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i)
        evaluators_.push_back(std::make_unique<Evaluator>(rulebook, options));
}

LeadStream::~LeadStream() = default;

void LeadStream::evaluate_slice(unsigned worker, const EvaluateOne& one,
                                const std::vector<uint64_t>& lines, size_t begin, size_t end,
                                std::vector<StreamResult>& results) {
    Evaluator& evaluator = *evaluators_[worker];
    for (size_t i = begin; i < end; ++i) {
        StreamResult& r = results[i];
        try {
            one(evaluator, i, r.decision);
            r.fields.clear();
            if (capture_fields_ && !r.decision.is_error) r.fields = evaluator.read_fields(capture_pii_);
        } catch (const std::exception& e) {
            // The library reports bad records as error decisions; anything
            // thrown is an engine fault. It still becomes an error record
            // for its line, so that leads in = decisions out + errors out.
            r.decision = Decision{};
            r.decision.is_error = true;
            r.decision.line = lines[i];
            r.decision.error = std::string("internal error: ") + e.what();
        }
        if (make_json_) make_json(r);
    }
}

void LeadStream::flush(const EvaluateOne& one, const std::vector<uint64_t>& lines,
                       StreamCounts& counts, const Sink& sink) {
    const size_t n = lines.size();
    results_.resize(n);
    const size_t workers = std::min(evaluators_.size(), n);
    if (workers <= 1) {
        evaluate_slice(0, one, lines, 0, n, results_);
    } else {
        // Contiguous slices: worker w takes [w*n/W, (w+1)*n/W). The calling
        // thread takes slice 0 rather than waiting idle.
        std::vector<std::jthread> pool;
        for (size_t w = 1; w < workers; ++w) {
            const size_t begin = w * n / workers, end = (w + 1) * n / workers;
            pool.emplace_back([this, w, &one, &lines, begin, end] {
                evaluate_slice(static_cast<unsigned>(w), one, lines, begin, end, results_);
            });
        }
        evaluate_slice(0, one, lines, 0, n / workers, results_);
    }
    for (size_t i = 0; i < n; ++i) {
        StreamResult& r = results_[i];
        ++counts.leads;
        if (r.decision.is_error) ++counts.errors;
        // A duplicate is known only here, in input order: its JSON is
        // made again (rare, and never for a rulebook without `dedupe by`).
        if (run_.admit(r.decision) && make_json_) make_json(r);
        sink(r);
        if (counts.errors > max_errors_) {
            counts.stopped = true;
            counts.stopped_at_line = r.decision.line;
            return;
        }
    }
    if (observer_) observer_(counts);
}

StreamCounts LeadStream::run(LineReader& in, const Sink& sink) {
    StreamCounts counts;
    // Lines are views into the reader's buffer: each batch is decided
    // before the reader refills it, so a batch ends at kBatchLines or where
    // the buffered input does.
    std::vector<std::string_view> texts;
    std::vector<uint64_t> lines;
    const EvaluateOne one = [&](Evaluator& e, size_t i, Decision& d) { e.evaluate_json(texts[i], lines[i], d); };
    auto flush_batch = [&] {
        if (!lines.empty()) flush(one, lines, counts, sink);
        texts.clear();
        lines.clear();
        return !counts.stopped;
    };
    uint64_t number = 0;
    do {
        while (auto line = in.next()) {
            std::string_view text = *line;
            ++number;
            if (is_blank(text)) continue;
            if (text.back() == '\r') text.remove_suffix(1);  // CRLF files
            texts.push_back(text);
            lines.push_back(number);
            if (lines.size() == kBatchLines && !flush_batch()) return counts;
        }
        if (!flush_batch()) return counts;
    } while (in.refill());
    return counts;
}

StreamCounts LeadStream::run_csv(CsvReader& reader, const Sink& sink) {
    StreamCounts counts;
    std::vector<CsvRow> rows(kBatchLines);
    std::vector<uint64_t> lines;
    const CsvColumns& columns = reader.columns();
    const EvaluateOne one = [&](Evaluator& e, size_t i, Decision& d) { e.evaluate_csv(columns, rows[i], d); };
    // Rows are reused from batch to batch: their cells keep their capacity.
    while (reader.next(rows[lines.size()])) {
        lines.push_back(rows[lines.size()].line);
        if (lines.size() == kBatchLines) {
            flush(one, lines, counts, sink);
            lines.clear();
            if (counts.stopped) return counts;
        }
    }
    if (!lines.empty()) flush(one, lines, counts, sink);
    return counts;
}

}  // namespace qualify::cli
