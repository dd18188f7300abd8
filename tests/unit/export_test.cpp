// The scenario as CSV comments and lever columns (core/export.h), which the
// app's results and room CSVs carry so a spreadsheet shows what was set.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "core/export.h"
#include "core/scenario.h"

using namespace tl;

TEST_CASE("scenario_csv_comments lists the link, the seat and every lever of every bloc") {
    Scenario s = scenario_from_preset(*find_preset("small_yard_high_fence"), Bloc::China);
    s.name = "Team \"A\", table 3";
    REQUIRE(apply_setting(s, "China.export_controls.semis", 77.5).empty());
    const std::string text = scenario_csv_comments(s, "https://example.org/#s=abc");
    std::istringstream in(text);
    std::string line;
    int levers = 0, lines = 0;
    bool saw_changed = false;
    while (std::getline(in, line)) {
        ++lines;
        CHECK(line.rfind("# ", 0) == 0);  // every line a comment
        if (line.rfind("# lever,", 0) == 0) ++levers;
        if (line == "# lever,China,export_controls.semis,77.5") saw_changed = true;
    }
    CHECK(levers == kBlocCount * kSlotCount);
    CHECK(saw_changed);
    CHECK(text.find("# link,https://example.org/#s=abc\n") != std::string::npos);
    CHECK(text.find("# seat,China\n") != std::string::npos);
    CHECK(text.find("# name,\"Team \"\"A\"\", table 3\"\n") != std::string::npos);  // quoted, quotes doubled
    CHECK(lines == 6 + levers);
}

TEST_CASE("lever_csv_header and lever_csv_values have one column per lever, in the same order") {
    Scenario s = scenario_from_preset(*find_preset("status_quo_2024"));
    REQUIRE(apply_setting(s, "US.export_controls.semis", 90).empty());
    const std::string header = lever_csv_header(), values = lever_csv_values(s, Bloc::US);
    auto columns = [](const std::string& row) { return 1 + static_cast<int>(std::count(row.begin(), row.end(), ',')); };
    CHECK(columns(header) == kSlotCount);
    CHECK(columns(values) == kSlotCount);
    CHECK(header.rfind("lever:" + slot_key(0) + ",", 0) == 0);
    const int semis = parse_slot("export_controls.semis").value();
    std::istringstream in(values);
    std::string field;
    for (int i = 0; i <= semis; ++i) std::getline(in, field, ',');
    CHECK(field == "90");
}

TEST_CASE("guide_notes_html gives the trainer every step's goal, briefing, notes and debrief, escaped") {
    for (const Guide& g : builtin_guides()) {
        CAPTURE(g.id);
        const std::string html = guide_notes_html(g, "https://example.org/#guide=" + g.id);
        CHECK(html.find("<h1>" + html_escape(g.title) + "</h1>") != std::string::npos);
        std::size_t at = 0;
        for (std::size_t k = 0; k < g.steps.size(); ++k) {
            const GuideStep& st = g.steps[k];
            CAPTURE(st.id);
            // The steps in their order, each with what the trainer needs.
            const std::size_t head = html.find("<h2>Step " + std::to_string(k + 1) + ": " + html_escape(st.title), at);
            REQUIRE(head != std::string::npos);
            at = head;
            const std::size_t next = html.find("<h2>", head + 1);
            const std::string part = html.substr(head, next == std::string::npos ? std::string::npos : next - head);
            CHECK(part.find(html_escape(st.briefing)) != std::string::npos);
            if (st.goal) CHECK(part.find(html_escape(st.goal->description)) != std::string::npos);
            if (!st.facilitator.answer.empty()) CHECK(part.find(html_escape(st.facilitator.answer)) != std::string::npos);
            for (const auto& q : st.facilitator.ask) CHECK(part.find(html_escape(q)) != std::string::npos);
            for (const auto& q : st.debrief) CHECK(part.find(html_escape(q)) != std::string::npos);
        }
        for (const auto& q : g.debrief) CHECK(html.find(html_escape(q)) != std::string::npos);
        CHECK(html.find("https://example.org/#guide=" + g.id) != std::string::npos);
    }
    // A guide's text is the author's: markup in it is shown, not run.
    Guide g = builtin_guides().front();
    g.title = "<script>alert(1)</script>";
    g.steps.front().facilitator.answer = "a < b & \"c\"";
    const std::string html = guide_notes_html(g, "x\"><script>");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("a &lt; b &amp; &quot;c&quot;") != std::string::npos);
}
