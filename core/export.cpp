#include "core/export.h"

#include <cstdio>

#include "core/version.h"

namespace tl {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string results_csv(const Results& r, const Results& base, const std::vector<Bloc>& blocs,
                        const std::vector<const Bands*>& bands) {
    const bool with_bands = !bands.empty();
    std::string out = std::string("bloc,indicator,unit,year,scenario,baseline") + (with_bands ? ",p5,p50,p95" : "") + "\n";
    char buf[160];
    for (std::size_t k = 0; k < blocs.size(); ++k) {
        const int b = idx(blocs[k]);
        const Bands* band = k < bands.size() ? bands[k] : nullptr;
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int y = 0; y < r.years; ++y) {
                out += std::string(kBlocIds[b]) + "," + std::string(kIndicators[i].key) + "," +
                       csv_field(kIndicators[i].unit);
                std::snprintf(buf, sizeof buf, ",%d,%.4f,%.4f", r.year(y), r.ind[i][b][y], base.ind[i][b][y]);
                out += buf;
                if (with_bands) {
                    if (band && y < band->years)
                        std::snprintf(buf, sizeof buf, ",%.4f,%.4f,%.4f", band->q[i][y][0], band->q[i][y][2],
                                      band->q[i][y][4]);
                    else
                        std::snprintf(buf, sizeof buf, ",,,");
                    out += buf;
                }
                out += "\n";
            }
    }
    return out;
}

std::string scenario_csv_comments(const Scenario& s, std::string_view link) {
    std::string out = "# Trilemma Lab scenario\n";
    out += "# link," + csv_field(link) + "\n";
    out += "# name," + csv_field(s.name) + "\n";
    out += "# seat," + std::string(kBlocIds[idx(s.seat)]) + "\n";
    out += "# preset," + csv_field(s.preset) + "\n";
    out += "# horizon," + std::to_string(s.horizon) + "\n";
    char value[32];
    for (int b = 0; b < kBlocCount; ++b)
        for (int slot = 0; slot < kSlotCount; ++slot) {
            std::snprintf(value, sizeof value, "%g", s.policy[b][slot]);
            out += "# lever," + std::string(kBlocIds[b]) + "," + slot_key(slot) + "," + value + "\n";
        }
    return out;
}

std::string story_csv_comments(const Story& story) {
    std::string out = "# story," + csv_field(story.summary) + "\n";
    for (const auto& sec : story.sections)
        for (const auto& claim : sec.claims) out += "# " + csv_field(sec.title) + "," + csv_field(claim.text) + "\n";
    return out;
}

std::string lever_csv_header() {
    std::string out;
    for (int slot = 0; slot < kSlotCount; ++slot) out += (slot ? ",lever:" : "lever:") + slot_key(slot);
    return out;
}

std::string lever_csv_values(const Scenario& s, Bloc bloc) {
    std::string out;
    char value[32];
    for (int slot = 0; slot < kSlotCount; ++slot) {
        std::snprintf(value, sizeof value, "%s%g", slot ? "," : "", s.policy[idx(bloc)][slot]);
        out += value;
    }
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += ch;
        }
    return out;
}

namespace {
// A printable page's head: its title and the style the summary and the notes share.
std::string printable_page_head(const std::string& title) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
                    " \u2014 Trilemma Lab</title>\n<style>\n"
                    "@page { size: A4; margin: 14mm; }\n"
                    "body { font: 11pt/1.4 system-ui, sans-serif; color: #1d232b; max-width: 46em; margin: 2em auto; }\n"
                    "h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1em 0 .3em; }\n"
                    ".meta, .src, footer { color: #4a5563; font-size: 9.5pt; }\n"
                    "img { width: 100%; border: 1px solid #c9ced6; margin: .6em 0; }\n"
                    "table { border-collapse: collapse; } td, th { padding: .2em .8em; border-bottom: 1px solid #d7dbe1; text-align: right; }\n"
                    "th:first-child, td:first-child { text-align: left; }\n"
                    "@media print { .noprint { display: none; } body { margin: 0; } }\n"
                    "</style></head><body>\n";
}
}  // namespace

std::string summary_html(const Scenario& s, const Story& story, std::string_view share_link) {
    const Preset* preset = find_preset(s.preset);
    std::string title = s.name.empty() ? std::string("Trilemma Lab scenario") : s.name;
    std::string h = printable_page_head(title);
    h += "<h1>" + html_escape(title) + "</h1>\n<p class=\"meta\">Playing " + html_escape(std::string(kBlocNames[idx(s.seat)])) +
         " \u00b7 preset " + html_escape(preset ? preset->name : s.preset) + " \u00b7 horizon " +
         std::to_string(s.horizon) + " \u00b7 model version " + std::to_string(kModelVersion) +
         (s.reactions ? "" : " \u00b7 other blocs do not react") + "</p>\n";
    h += "<p class=\"noprint meta\">Print this page (Ctrl+P or \u2318P) for a one-page summary.</p>\n";
    h += "<p><strong>" + html_escape(story.summary) + "</strong></p>\n";
    h += "<img id=\"charts\" alt=\"The charts and the trilemma triangle as they were on screen\">\n";
    for (const auto& sec : story.sections) {
        h += "<h2>" + html_escape(sec.title) + "</h2>\n";
        for (const auto& claim : sec.claims) {
            h += "<p>" + html_escape(claim.text);
            if (!claim.source.empty()) h += " <span class=\"src\">[" + html_escape(claim.source) + "]</span>";
            h += "</p>\n";
        }
    }
    if (!s.notes.empty()) h += "<h2>Notes</h2>\n<p>" + html_escape(s.notes) + "</p>\n";
    h += "<footer><p>Open this scenario again: <a href=\"" + html_escape(share_link) + "\">" + html_escape(share_link) +
         "</a></p><p>Trilemma Lab explores trade-offs; it does not forecast. Sources are cited as file:line of the "
         "seed documents (e.g. 001:L36).</p></footer>\n</body></html>\n";
    return h;
}

std::string guide_notes_html(const Guide& g, std::string_view link) {
    std::string h = printable_page_head(g.title + ": trainer's notes");
    const auto para = [&](const std::string& label, const std::string& text) {
        if (!text.empty()) h += "<p>" + (label.empty() ? "" : "<strong>" + html_escape(label) + "</strong> ") + html_escape(text) + "</p>\n";
    };
    const auto list = [&](const std::string& label, const std::vector<std::string>& items) {
        if (items.empty()) return;
        h += "<p><strong>" + html_escape(label) + "</strong></p>\n<ul>\n";
        for (const auto& i : items) h += "<li>" + html_escape(i) + "</li>\n";
        h += "</ul>\n";
    };
    h += "<h1>" + html_escape(g.title) + "</h1>\n<p class=\"meta\">Trainer's notes \u00b7 " +
         html_escape(std::string(kBlocNames[idx(g.seat)])) + " seat \u00b7 " + std::to_string(g.steps.size()) + " steps" +
         (g.duration_minutes > 0 ? " \u00b7 about " + std::to_string(g.duration_minutes) + " minutes" : "") +
         (g.audience.empty() ? "" : " \u00b7 " + html_escape(g.audience)) + "</p>\n";
    h += "<p class=\"noprint meta\">For the trainer, not the room: print it, or keep it on your own screen while "
         "the presenter view is on the projector.</p>\n";
    para("", g.summary);
    for (std::size_t k = 0; k < g.steps.size(); ++k) {
        const GuideStep& st = g.steps[k];
        h += "<h2>Step " + std::to_string(k + 1) + ": " + html_escape(st.title) + "</h2>\n";
        if (st.goal) para("Goal:", st.goal->description);
        para("Briefing:", st.briefing);
        if (!st.sources.empty()) {
            std::string src;
            for (const auto& x : st.sources) src += (src.empty() ? "" : ", ") + x;
            h += "<p class=\"src\">Sources: " + html_escape(src) + "</p>\n";
        }
        list("Hints:", st.hints);
        const FacilitatorNotes& n = st.facilitator;
        if (n.minutes > 0) para("Time:", "about " + std::to_string(n.minutes) + " minutes.");
        para("What the room usually tries:", n.expect);
        list("Ask:", n.ask);
        para("The answer:", n.answer);
        list("Debrief after this step:", st.debrief);
    }
    list("Closing debrief:", g.debrief);
    h += "<footer><p>The guide's link for the room: <a href=\"" + html_escape(link) + "\">" + html_escape(link) +
         "</a></p></footer>\n</body></html>\n";
    return h;
}

}  // namespace tl
