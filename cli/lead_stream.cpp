// Ordered, optionally parallel evaluation of JSON Lines (see lead_stream.hpp).
#include "cli/lead_stream.hpp"

#include <exception>
#include <thread>

namespace qualify::cli {

namespace {

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

LeadStream::LeadStream(const Rulebook& rulebook, const EvalOptions& options, unsigned threads,
                       bool make_json)
    : make_json_(make_json) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i)
        evaluators_.push_back(std::make_unique<Evaluator>(rulebook, options));
}

LeadStream::~LeadStream() = default;

void LeadStream::evaluate_slice(unsigned worker, const std::vector<Line>& batch, size_t begin,
                                size_t end, std::vector<StreamResult>& results) {
    Evaluator& evaluator = *evaluators_[worker];
    for (size_t i = begin; i < end; ++i) {
        StreamResult& r = results[i];
        try {
            r.decision = evaluator.evaluate_json(batch[i].text, batch[i].number);
        } catch (const std::exception& e) {
            // The library reports bad records as error decisions; anything
            // thrown is an engine fault. It still becomes an error record
            // for its line, so that leads in = decisions out + errors out.
            r.decision = Decision{};
            r.decision.is_error = true;
            r.decision.line = batch[i].number;
            r.decision.error = std::string("internal error: ") + e.what();
        }
        if (make_json_) r.json = to_json(r.decision);
    }
}

void LeadStream::evaluate_batch(const std::vector<Line>& batch,
                                std::vector<StreamResult>& results) {
    results.clear();
    results.resize(batch.size());
    const size_t workers = std::min(evaluators_.size(), batch.size());
    if (workers <= 1) {
        evaluate_slice(0, batch, 0, batch.size(), results);
        return;
    }
    // Contiguous slices: worker w takes [w*n/W, (w+1)*n/W). The calling
    // thread takes slice 0 rather than waiting idle.
    std::vector<std::jthread> pool;
    for (size_t w = 1; w < workers; ++w) {
        size_t begin = w * batch.size() / workers, end = (w + 1) * batch.size() / workers;
        pool.emplace_back([this, w, &batch, begin, end, &results] {
            evaluate_slice(static_cast<unsigned>(w), batch, begin, end, results);
        });
    }
    evaluate_slice(0, batch, 0, batch.size() / workers, results);
}

StreamCounts LeadStream::run(std::istream& in, const std::function<void(StreamResult&)>& sink) {
    StreamCounts counts;
    std::vector<Line> batch;
    std::vector<StreamResult> results;
    uint64_t number = 0;
    std::string text;
    auto flush = [&] {
        evaluate_batch(batch, results);
        for (auto& r : results) {
            ++counts.leads;
            if (r.decision.is_error) ++counts.errors;
            sink(r);
        }
        batch.clear();
    };
    while (std::getline(in, text)) {
        ++number;
        if (is_blank(text)) continue;
        if (text.back() == '\r') text.pop_back();  // CRLF files
        batch.push_back({number, std::move(text)});
        text = std::string();
        if (batch.size() == kBatchLines) flush();
    }
    if (!batch.empty()) flush();
    return counts;
}

}  // namespace qualify::cli
