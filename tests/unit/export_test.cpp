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
