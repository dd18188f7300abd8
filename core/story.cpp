// The story of a scenario (see story.h).
//
// [SECTION] The words: assets/story.json
// [SECTION] Formatting numbers and names
// [SECTION] Reading the attribution
// [SECTION] Reading the pillars' components
// [SECTION] The four sections and the summary
#include "core/story.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <optional>
#include <utility>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/json_archive.h"

namespace tl {

// ---------------------------------------------------------------------------
// [SECTION] The words: assets/story.json
// ---------------------------------------------------------------------------
namespace {

using MechanismTable = std::array<std::array<StoryClaim, kPillarCount>, kLeverCount>;
constexpr int kOwnerCount = 3;
using MechanismTables = std::array<MechanismTable, kOwnerCount>;  // by LeverOwner
// The tables of assets/story.json, in LeverOwner's order.
constexpr std::array<const char*, kOwnerCount> kOwnerTables{"own", "others", "rival"};

// assets/story.json: {"own": {"<lever id>": {"<pillar id>": [phrase, source], ...}, ...},
// "others": {...}, "rival": {...}}, every lever and pillar present in each.
struct ClaimField {
    using json_in_place = void;
    const char* name;
    StoryClaim& claim;
};
void CEREAL_LOAD_FUNCTION_NAME(json::ReadArchive& ar, ClaimField& field) {
    std::vector<std::string> pair;
    ar(cereal::make_nvp(field.name, pair));
    if (pair.size() != 2 || pair[0].empty() || pair[1].empty()) {
        if (ar.has(field.name)) ar.error(field.name, "expected [phrase, source], neither empty");
        return;
    }
    field.claim = {pair[0], pair[1]};
}

struct LeverClaims {
    std::array<StoryClaim, kPillarCount>& by_pillar;
    template <class Archive>
    void serialize(Archive& ar) {
        for (int p = 0; p < kPillarCount; ++p) ar(ClaimField{kPillarIds[p].data(), by_pillar[p]});
    }
};

struct LeverTable {
    MechanismTable& table;
    template <class Archive>
    void serialize(Archive& ar) {
        for (int l = 0; l < kLeverCount; ++l) ar(cereal::make_nvp(kLeverIds[l].data(), LeverClaims{table[l]}));
    }
};

// "global_south_partner": {"<lever id>": [phrase, source], ...}, every lever.
struct PillarTable {
    std::array<StoryClaim, kLeverCount>& claims;
    template <class Archive>
    void serialize(Archive& ar) {
        for (int l = 0; l < kLeverCount; ++l) ar(ClaimField{kLeverIds[l].data(), claims[l]});
    }
};

struct Mechanisms {
    MechanismTables tables;
    // Another bloc's lever as the Global South's Partner sees it: that score
    // counts keeping both doors open (1 - 2|alignment - 1/2|), so a camp's
    // pull helps it only until it tips the balance, and the words of the
    // "others" table ("partners align with whoever offers …") would argue
    // against the number when it does.
    std::array<StoryClaim, kLeverCount> global_south_partner;
};

struct StoryDocument {
    Mechanisms& m;
    template <class Archive>
    void serialize(Archive& ar) {
        for (int o = 0; o < kOwnerCount; ++o) ar(cereal::make_nvp(kOwnerTables[o], LeverTable{m.tables[o]}));
        ar(cereal::make_nvp("global_south_partner", PillarTable{m.global_south_partner}));
    }
};

Mechanisms load_mechanisms() {
    Mechanisms m;
    StoryDocument doc{m};
    json::read_table(embedded_asset("story.json"), "assets/story.json", doc);
    return m;
}

const Mechanisms& mechanisms() {
    static const Mechanisms m = load_mechanisms();
    return m;
}

}  // namespace

LeverOwner lever_owner(int lever_bloc, Bloc viewpoint) {
    const int v = idx(viewpoint);
    if (lever_bloc == v) return LeverOwner::Own;
    // The model's two camps: China and the West (the US, the EU, the Allies).
    return rivals(lever_bloc, v) ? LeverOwner::Rival : LeverOwner::Other;
}

const StoryClaim& lever_mechanism(LeverId lever, Pillar pillar, LeverOwner owner) {
    return mechanisms().tables[static_cast<int>(owner)][static_cast<int>(lever)][idx(pillar)];
}

const StoryClaim& lever_mechanism(LeverId lever, Pillar pillar, LeverOwner owner, Bloc viewpoint) {
    if (viewpoint == Bloc::GlobalSouth && pillar == Pillar::Partner && owner != LeverOwner::Own)
        return mechanisms().global_south_partner[static_cast<int>(lever)];
    return lever_mechanism(lever, pillar, owner);
}

const StoryClaim& lever_mechanism(const LeverChange& change, Pillar pillar, Bloc viewpoint) {
    return lever_mechanism(slot_info(change.slot).lever, pillar, lever_owner(change.bloc, viewpoint), viewpoint);
}

// ---------------------------------------------------------------------------
// [SECTION] Formatting numbers and names
// ---------------------------------------------------------------------------
namespace {

std::string fixed(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {  // never print "-0" or "-0.0"
        bool all_zero = s.find_first_not_of("-0.") == std::string::npos;
        if (all_zero) s.erase(0, 1);
    }
    return s;
}

// A value in its indicator's unit, as a sentence would put it.
std::string with_unit(Indicator i, const std::string& number) {
    const std::string_view unit = indicator_def(i).unit;
    if (unit == "%") return number + "%";
    if (unit == "$bn/yr") return "$" + number + "bn/yr";
    if (unit == "% of GDP") return number + "% of GDP";
    if (unit == "index pts") return number + " index points";
    return number;  // 0-100 scales and indexes (2024 = 100): the unit is said once, after the sentence
}

std::string lower_first(std::string s) {
    // "Export controls" -> "export controls", but "AI" stays "AI".
    if (s.size() >= 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// "the US", "China", "the Global South": the seat as a sentence names it.
std::string bloc_in_sentence(int bloc) {
    std::string name(kBlocShortNames[bloc]);
    return bloc == idx(Bloc::China) ? name : "the " + name;
}

std::string lever_name_in_sentence(const LeverChange& c) {
    SlotInfo info = slot_info(c.slot);
    std::string name = lower_first(lever_def(info.lever).name);
    if (info.sector >= 0) name += " for " + lower_first(std::string(kSectorNames[info.sector]));
    return name;
}

}  // namespace

std::string story_lever_phrase(const Scenario& s, const LeverChange& c) {
    std::string name = lever_name_in_sentence(c);
    if (c.bloc == idx(s.seat)) return name;
    std::string bloc = bloc_in_sentence(c.bloc);
    return bloc + (bloc.back() == 's' ? "' " : "'s ") + name;  // "the Allies' …", "the EU's …"
}

namespace {

// "raising export controls for AI", for a sentence that says how a pillar moved.
std::string doing(const Scenario& s, const LeverChange& c) {
    return std::string(c.to > c.from ? "raising " : "lowering ") + story_lever_phrase(s, c);
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

// Citations inside an indicator's meaning, e.g. "(001:L81, 001:L102)" -> "001:L81, 001:L102".
std::string citations_in(std::string_view meaning) {
    std::string out;
    for (std::size_t i = 0; i + 5 < meaning.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(meaning[i])) && meaning[i + 3] == ':' && meaning[i + 4] == 'L' &&
            (i == 0 || !std::isdigit(static_cast<unsigned char>(meaning[i - 1])))) {
            std::size_t j = i + 5;
            while (j < meaning.size() && (std::isdigit(static_cast<unsigned char>(meaning[j])) || meaning[j] == '-' ||
                                          meaning[j] == 'L'))
                ++j;
            if (!out.empty()) out += "; ";
            out += std::string(meaning.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Reading the attribution
// ---------------------------------------------------------------------------

struct Reading {
    const Scenario& s;
    const Attribution& a;
    Story& story;
    int seat = 0, h = 0;  // the seat's index and the horizon's year index

    double value(Indicator i, int year, bool baseline) const {
        return (baseline ? a.reference : a.scenario).at(i, static_cast<Bloc>(seat), year);
    }
    double change(Indicator i, int year) const { return a.total(i, static_cast<Bloc>(seat), year); }
    double share(std::size_t c, Pillar p) const { return a.share(c, pillar_indicator(p), static_cast<Bloc>(seat), h); }

    // Records a number the text states and returns it as printed.
    std::string fact(Indicator i, int year, bool baseline) {
        int dec = indicator_def(i).decimals;
        double v = value(i, year, baseline);
        std::string t = fixed(v, dec);
        story.facts.push_back({i, year, baseline, v, t});
        return t;
    }

    // The changes that moved pillar p, largest first (by size of their share).
    std::vector<std::size_t> movers(Pillar p, int sign) const {
        std::vector<std::size_t> out;
        for (std::size_t c = 0; c < a.changes.size(); ++c) {
            double v = share(c, p);
            if (std::fabs(v) >= kStoryPoints && (sign == 0 || (v > 0) == (sign > 0))) out.push_back(c);
        }
        std::sort(out.begin(), out.end(), [&](std::size_t x, std::size_t y) {
            return std::fabs(share(x, p)) > std::fabs(share(y, p));
        });
        return out;
    }

    double largest_share(std::size_t c) const {
        double m = 0;
        for (int p = 0; p < kPillarCount; ++p) m = std::max(m, std::fabs(share(c, static_cast<Pillar>(p))));
        return m;
    }
};

// The first year by which an indicator had made half of its change at the
// horizon, in that direction: a path that first went the other way had made
// none of it then.
int half_way_year(const Reading& r, Indicator i) {
    const double total = r.change(i, r.h);
    for (int y = 0; y <= r.h; ++y) {
        const double c = r.change(i, y);
        if ((c > 0) == (total > 0) && std::fabs(c) >= 0.5 * std::fabs(total)) return y;
    }
    return r.h;
}

// The year an indicator went furthest against its change at the horizon,
// if it went at least kStoryPoints that way (Partner that rose for four
// years, then fell): a sentence that gave only the end would hide it.
std::optional<int> contrary_peak_year(const Reading& r, Indicator i) {
    const double sign = r.change(i, r.h) > 0 ? 1.0 : -1.0;
    std::optional<int> peak;
    double furthest = kStoryPoints;
    for (int y = 0; y < r.h; ++y)
        if (-sign * r.change(i, y) >= furthest) {
            furthest = -sign * r.change(i, y);
            peak = y;
        }
    return peak;
}

// ---------------------------------------------------------------------------
// [SECTION] Reading the pillars' components
// ---------------------------------------------------------------------------

// A component of a pillar is named when it moved the pillar by at least this
// many score points at the horizon (its weighted contribution, as "Why did it
// move?" shows it).
constexpr double kComponentPoints = 0.5;

struct NamedComponent {
    Pillar pillar;
    int k;  // index into kPillarComponents[pillar]
};

// The indicator that states a component's value in the story: the same
// quantity in the indicator's unit (the lead in index points rather than
// years, the Global South's own standards influence for its "third
// countries"). The rival's access, capability and market share together and
// integration have none: they are named without a number.
std::optional<Indicator> component_indicator(Pillar p, int k, int seat) {
    switch (p) {
        case Pillar::Protect:
            return k == 0 ? std::optional(Indicator::TechLead)
                 : k == 2 ? std::optional(Indicator::Dependence)
                 : k == 3 ? std::optional(Indicator::Escalation)
                          : std::nullopt;
        case Pillar::Promote:
            return k == 1 ? std::optional(Indicator::GdpEffect)
                 : k == 2 ? std::optional(Indicator::Innovation)
                 : k == 3 ? std::optional(Indicator::FiscalCost)
                 : k == 4 ? std::optional(Indicator::CleanTechCost)
                          : std::nullopt;
        case Pillar::Partner:
            return k == 0 ? std::optional(Indicator::AllianceCohesion)
                 : k == 1 ? std::optional(seat == idx(Bloc::GlobalSouth) ? Indicator::StandardsInfluence
                                                                          : Indicator::GlobalSouthAlignment)
                 : k == 3 ? std::optional(Indicator::StandardsFragmentation)
                          : std::nullopt;
    }
    return std::nullopt;
}

// A component as the subject of a sentence without a number, and whether it
// takes a plural verb; "rises" always means its value rose.
std::pair<std::string, bool> component_subject(Pillar p, int k, int seat) {
    static constexpr std::array<std::array<std::string_view, kMaxPillarComponents>, kPillarCount> kSubjects{{
        {"The technology lead", "The rival's access to controlled technology", "Dependence on the rival", "Escalation", ""},
        {"Capability and market share", "GDP", "Innovation", "The fiscal burden", "Clean-tech cost"},
        {"Alliance cohesion", "Global South alignment", "Integration with partners", "Standards fragmentation", ""},
    }};
    if (p == Pillar::Partner && k == 1 && seat == idx(Bloc::GlobalSouth)) return {"Standards influence", false};
    return {std::string(kSubjects[idx(p)][k]), p == Pillar::Promote && k == 0};
}

// What each component of the seat's pillars did to the pillar's change at the
// horizon (they add up to it), from the two runs.
using PillarParts = std::array<std::array<ComponentChange, kMaxPillarComponents>, kPillarCount>;
PillarParts pillar_parts(const Reading& r) {
    PillarParts out{};
    for (int p = 0; p < kPillarCount; ++p)
        out[p] = pillar_component_changes(r.a.scenario, r.a.reference, static_cast<Pillar>(p), static_cast<Bloc>(r.seat), r.h);
    return out;
}

struct Pushes {
    std::vector<NamedComponent> named;
    std::size_t leading = 0;  // the first `leading` are the moved pillars' largest pushes
};

// The components that pushed the seat's pillars up (sign > 0) or down: first,
// for each pillar in `moved` (those that moved that way), the component that
// pushed it most; then the largest other pushes that way, of any pillar, up
// to `count` in all. Only components the seat's score counts (weight > 0) and
// that moved their pillar by kComponentPoints: one with weight 0 never
// explains a pillar's move, however far its indicator went.
Pushes pushing_components(const PillarParts& parts, int sign, const std::vector<Pillar>& moved, std::size_t count) {
    std::vector<NamedComponent> candidates;
    for (int p = 0; p < kPillarCount; ++p)
        for (int k = 0; k < kPillarComponentCount[p]; ++k)
            if (parts[p][k].counted && sign * parts[p][k].points >= kComponentPoints)
                candidates.push_back({static_cast<Pillar>(p), k});
    auto points = [&](const NamedComponent& c) { return std::fabs(parts[idx(c.pillar)][c.k].points); };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const NamedComponent& x, const NamedComponent& y) { return points(x) > points(y); });
    Pushes pushes;
    std::vector<NamedComponent>& out = pushes.named;
    auto named = [&](const NamedComponent& c) {
        return std::any_of(out.begin(), out.end(), [&](const NamedComponent& o) { return o.pillar == c.pillar && o.k == c.k; });
    };
    for (Pillar p : moved)
        for (const auto& c : candidates)
            if (c.pillar == p) {
                out.push_back(c);
                break;
            }
    pushes.leading = out.size();
    for (const auto& c : candidates)
        if (out.size() < count && !named(c)) out.push_back(c);
    return pushes;
}

// ---------------------------------------------------------------------------
// [SECTION] The four sections and the summary
// ---------------------------------------------------------------------------

// Lever names with the sectors of one lever gathered: "export controls for AI,
// quantum and biotech", "enforcement capacity".
std::vector<std::string> grouped_names(const std::vector<LeverChange>& changes) {
    std::vector<std::string> out;
    std::vector<int> done;
    for (const auto& ch : changes) {
        LeverId lever = slot_info(ch.slot).lever;
        if (std::find(done.begin(), done.end(), static_cast<int>(lever)) != done.end()) continue;
        done.push_back(static_cast<int>(lever));
        std::string name = lower_first(lever_def(lever).name);
        std::vector<std::string> sectors;
        for (const auto& other : changes)
            if (slot_info(other.slot).lever == lever && slot_info(other.slot).sector >= 0)
                sectors.push_back(lower_first(std::string(kSectorNames[slot_info(other.slot).sector])));
        out.push_back(sectors.empty() ? name : name + " for " + join(sectors));
    }
    return out;
}

// "raised export controls for AI from 70% to 85%, lowered …": the changes of
// one bloc, largest effect first. For the seat, every change that moved one
// of its pillars by kStoryPoints is named — the first five with their values,
// the rest by name only, to keep the story short — and smaller ones are
// counted, unless there are only a few. For another bloc (levers a preset or
// a file set, not the player) the two largest are named and the rest counted.
std::string change_list(const Reading& r, std::vector<std::size_t> which, bool seat) {
    std::stable_sort(which.begin(), which.end(),
                     [&](std::size_t x, std::size_t y) { return r.largest_share(x) > r.largest_share(y); });
    const std::size_t detailed = seat ? 5 : 2;
    std::vector<std::string> named;
    std::vector<LeverChange> also;
    std::size_t rest = 0;
    for (std::size_t c : which) {
        const LeverChange& ch = r.a.changes[c];
        if (named.size() < detailed && (r.largest_share(c) >= kStoryPoints || named.size() < 3)) {
            const LeverDef& d = lever_def(slot_info(ch.slot).lever);
            named.push_back(std::string(ch.to > ch.from ? "raised " : "lowered ") + lever_name_in_sentence(ch) +
                            " from " + format_lever_value(d, ch.from) + " to " + format_lever_value(d, ch.to));
        } else if (seat && r.largest_share(c) >= kStoryPoints) {
            also.push_back(ch);
        } else {
            ++rest;
        }
    }
    std::string text = join(named);
    if (!also.empty()) text += "; also changed " + join(grouped_names(also));
    if (rest > 0) {
        std::string what = seat ? " smaller change" : " other change";
        text += ", with " + (rest == 1 ? "one" + what : std::to_string(rest) + what + "s");
    }
    return text;
}

void what_you_did(Reading& r, StorySection& sec) {
    std::vector<std::size_t> own, others;
    for (std::size_t c = 0; c < r.a.changes.size(); ++c)
        (r.a.changes[c].bloc == r.seat ? own : others).push_back(c);
    const Preset* preset = preset_beyond_status_quo(r.s);
    const bool from_preset = preset != nullptr;
    std::string seat = bloc_in_sentence(r.seat);
    std::string text;
    if (from_preset) text = "You play " + seat + " in the preset " + preset->name + ". ";
    // Whose doing it was: a preset's levers are not the player's moves.
    const bool preset_moved_seat = from_preset && preset->policy[r.seat] != presets().front().policy[r.seat];
    const bool moved_since_preset = from_preset && r.s.policy[r.seat] != preset->policy[r.seat];
    const std::string who = !preset_moved_seat ? "you" : moved_since_preset ? "the preset and your moves since" : "the preset";
    if (own.empty()) text += "Your own levers are as they were in 2024";
    else text += "Compared with the status quo of 2024 " + who + " " + change_list(r, own, true);
    text += ".";
    // Other blocs' levers, one sentence per bloc ("In the preset, the EU raised …").
    for (int b = 0; b < kBlocCount; ++b) {
        std::vector<std::size_t> of_b;
        for (std::size_t c : others)
            if (r.a.changes[c].bloc == b) of_b.push_back(c);
        if (of_b.empty()) continue;
        bool as_in_preset = preset != nullptr;
        for (std::size_t c : of_b)
            if (preset && preset->policy[b][r.a.changes[c].slot] != r.a.changes[c].to) as_in_preset = false;
        text += std::string(as_in_preset && from_preset ? " In the preset, " : " In this scenario, ") +
                bloc_in_sentence(b) + " " +
                change_list(r, of_b, false) + ".";
    }
    if (r.a.changes.empty()) text += " Nothing differs from the status quo, the yardstick of every score.";
    else if (r.s.start_year != kDefaultStartYear)
        text += " These changes act from " + std::to_string(r.s.start_year) +
                ", phasing in over the years after; until then the world follows the status quo.";
    sec.claims.push_back({text, from_preset ? preset->sources : ""});
}

void pillar_sentence(Reading& r, Pillar p, StorySection& sec) {
    Indicator pi = pillar_indicator(p);
    double d = r.change(pi, r.h);
    bool up = d > 0;
    std::string year = std::to_string(r.a.scenario.year(r.h));
    std::string text = "By " + year + " " + std::string(kPillarNames[idx(p)]) + " is " + r.fact(pi, r.h, false) +
                       (up ? ", up from " : ", down from ") + r.fact(pi, r.h, true) + " in the status quo";
    if (auto peak = contrary_peak_year(r, pi))
        text += std::string(up ? ", after falling to " : ", after rising to ") + r.fact(pi, *peak, false) + " in " +
                std::to_string(r.a.scenario.year(*peak));
    int half = half_way_year(r, pi);
    if (half == 0) text += std::string("; half of the ") + (up ? "gain" : "loss") + " came at once";
    else if (half < r.h)
        text += std::string("; half of the ") + (up ? "gain" : "loss") + " came by " +
                std::to_string(r.a.scenario.year(half));
    auto movers = r.movers(p, up ? 1 : -1);
    if (movers.empty()) {
        // Several small changes add up: no single lever moved it by a point.
        sec.claims.push_back({text + ", through many small effects.", ""});
        return;
    }
    const LeverChange& top = r.a.changes[movers.front()];
    const StoryClaim& why = lever_mechanism(top, p, r.s.seat);
    text += ", mostly through " + doing(r.s, top) + " (" + why.text + ").";
    sec.claims.push_back({text, why.source});
}

// "Escalation rises to 69 by 2035, against 45 in the status quo (on a 0-100
// scale), pulling Protect down.": a component, with its indicator's values
// where it has one, and which way it pushed its pillar — which is not always
// the way its indicator went.
void component_sentence(Reading& r, const PillarParts& parts, const NamedComponent& c, StorySection& sec) {
    const ComponentChange& part = parts[idx(c.pillar)][c.k];
    const PillarComponentDef& comp = kPillarComponents[idx(c.pillar)][c.k];
    const std::string year = std::to_string(r.a.scenario.year(r.h));
    const std::string push = std::string(part.points > 0 ? ", pushing " : ", pulling ") +
                             std::string(kPillarNames[idx(c.pillar)]) + (part.points > 0 ? " up." : " down.");
    const std::optional<Indicator> ind = component_indicator(c.pillar, c.k, r.seat);
    const double d = ind ? r.change(*ind, r.h) : 0.0;
    // The indicator states the component's value: the same quantity, so it
    // moved the same way (checked, so that the sentence never contradicts it).
    if (ind && d != 0.0 && (d > 0) == (part.value_change > 0)) {
        const IndicatorDef& def = indicator_def(*ind);
        std::string text = std::string(def.name) + (d > 0 ? " rises to " : " falls to ") +
                           with_unit(*ind, r.fact(*ind, r.h, false)) + " by " + year + ", against " +
                           with_unit(*ind, r.fact(*ind, r.h, true)) + " in the status quo";
        if (def.unit == "index") text += " (an index, 2024 = 100)";
        else if (def.unit == "0-100") text += " (on a 0-100 scale)";
        std::string source = citations_in(def.meaning);
        sec.claims.push_back({text + push, source.empty() ? citations_in(comp.meaning) : source});
        return;
    }
    const auto [subject, plural] = component_subject(c.pillar, c.k, r.seat);
    const bool up = part.value_change > 0;
    const std::string verb = up ? (plural ? " rise above" : " rises above") : (plural ? " fall below" : " falls below");
    sec.claims.push_back({subject + verb + " the status quo by " + year + push, citations_in(comp.meaning)});
}

std::vector<Pillar> pillars_moved(const Reading& r, int sign) {
    std::vector<Pillar> out;
    for (int p = 0; p < kPillarCount; ++p) {
        double d = r.change(pillar_indicator(static_cast<Pillar>(p)), r.h);
        if (std::fabs(d) >= kStoryPoints && (d > 0) == (sign > 0)) out.push_back(static_cast<Pillar>(p));
    }
    return out;
}

std::string pillar_names(const std::vector<Pillar>& ps) {
    std::vector<std::string> names;
    for (Pillar p : ps) names.emplace_back(kPillarNames[idx(p)]);
    return join(names);
}

void where_it_bit(Reading& r, const std::vector<Pillar>& rose, const std::vector<Pillar>& fell, StorySection& sec) {
    const std::string any_two = "001:L36";
    if (rose.empty() && fell.empty()) {
        sec.claims.push_back({"No pillar moved by a point or more.", ""});
    } else if (!rose.empty() && !fell.empty()) {
        Pillar first_loss = fell.front();
        auto movers = r.movers(first_loss, -1);
        std::string because;
        std::string source = any_two;
        if (!movers.empty()) {
            const LeverChange& top = r.a.changes[movers.front()];
            const StoryClaim& why = lever_mechanism(top, first_loss, r.s.seat);
            because = (fell.size() > 1 ? ", " + std::string(kPillarNames[idx(first_loss)]) + " mostly through "
                                       : std::string(", mostly through ")) +
                      doing(r.s, top) + " (" + why.text + ")";
            source = why.source + "; " + any_two;
        }
        // What the moves amount to: two bought with the third is the
        // trilemma's own case (001:L36); one bought with the other two, or
        // one traded for another, is a costlier or a plainer trade.
        const char* verdict = rose.size() == 2  ? " Any two, but not all three."
                              : fell.size() == 2 ? " One pillar bought with the other two."
                                                 : " One pillar traded for another.";
        sec.claims.push_back({pillar_names(rose) + " rose; " + pillar_names(fell) + " fell" + because + "." + verdict,
                              source});
    } else if (rose.size() == 3) {
        sec.claims.push_back({"All three pillars rose: a balanced mix can, though not as far as pushing any two would "
                              "(\"not quite an impossible trinity\").",
                              any_two});
    } else if (fell.empty()) {
        std::vector<Pillar> rest;
        for (int p = 0; p < kPillarCount; ++p)
            if (std::find(rose.begin(), rose.end(), static_cast<Pillar>(p)) == rose.end())
                rest.push_back(static_cast<Pillar>(p));
        sec.claims.push_back({pillar_names(rose) + " rose and " + pillar_names(rest) +
                                  " held within a point: the trade-off has not bitten yet.",
                              any_two});
    } else if (fell.size() == 3) {
        sec.claims.push_back({"Every pillar fell: this mix gives up security, prosperity and partnership at once.", ""});
    } else {
        sec.claims.push_back({pillar_names(fell) + " fell and nothing rose by a point or more.", ""});
    }
}

std::string summary_line(Reading& r) {
    std::string out;
    for (int p = 0; p < kPillarCount; ++p) {
        auto pil = static_cast<Pillar>(p);
        Indicator pi = pillar_indicator(pil);
        if (!out.empty()) out += ", ";
        out += std::string(kPillarNames[p]) + " " + r.fact(pi, r.h, false);
    }
    out += " in " + std::to_string(r.a.scenario.year(r.h)) + " (status quo ";
    for (int p = 0; p < kPillarCount; ++p) {
        if (p) out += "/";
        out += r.fact(pillar_indicator(static_cast<Pillar>(p)), r.h, true);
    }
    out += ")";
    // The one or two levers that moved the pillars most.
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < r.a.changes.size(); ++c)
        if (r.largest_share(c) >= kStoryPoints) order.push_back(c);
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return r.largest_share(x) > r.largest_share(y); });
    if (order.size() > 2) order.resize(2);
    // Beside another bloc's lever the seat's own is "your …": "the US's
    // openness of standards to the rival and your openness of standards …".
    bool others_named = false;
    for (std::size_t c : order) others_named |= r.a.changes[c].bloc != r.seat;
    std::vector<std::string> names;
    for (std::size_t c : order) {
        const bool own = r.a.changes[c].bloc == r.seat;
        names.push_back((own && others_named ? "your " : "") + story_lever_phrase(r.s, r.a.changes[c]));
    }
    if (!names.empty()) out += ": mostly " + join(names);
    return out;
}

// "Raised enforcement capacity and lowered breadth of restrictions: Protect
// and Partner up, Promote down" — the two levers that moved the pillars most.
std::string headline_line(const Reading& r, const std::vector<Pillar>& rose, const std::vector<Pillar>& fell) {
    if (r.a.changes.empty()) return "Nothing changed from the status quo";
    std::vector<std::size_t> order(r.a.changes.size());
    for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return r.largest_share(x) > r.largest_share(y); });
    if (order.size() > 2) order.resize(2);
    std::string out;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const LeverChange& ch = r.a.changes[order[k]];
        out += std::string(k ? " and " : "") + (ch.to > ch.from ? "raised " : "lowered ") + story_lever_phrase(r.s, ch);
    }
    if (r.a.changes.size() > 2) out += " (of " + std::to_string(r.a.changes.size()) + " changes)";
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    std::vector<std::string> parts;
    if (!rose.empty()) parts.push_back(pillar_names(rose) + " up");
    if (!fell.empty()) parts.push_back(pillar_names(fell) + " down");
    out += ": " + (parts.empty() ? std::string("no pillar moved by a point") : parts[0] + (parts.size() > 1 ? ", " + parts[1] : ""));
    return out;
}

}  // namespace

Story tell_story(const Scenario& scenario, const Attribution& attribution) {
    Story story;
    Reading r{scenario, attribution, story};
    r.seat = idx(scenario.seat);
    r.h = attribution.scenario.years - 1;

    StorySection did{"What you did", {}};
    what_you_did(r, did);
    story.sections.push_back(std::move(did));

    auto rose = pillars_moved(r, 1), fell = pillars_moved(r, -1);
    if (!attribution.changes.empty()) {
        // The indicators named are the components that moved the pillars, each
        // in the section of the way it pushed its pillar: first the one that
        // pushed each moved pillar most, then the largest other pushes (which
        // give way, last first, should the story run over kStoryMaxChars).
        const PillarParts parts = pillar_parts(r);
        struct Extra {
            std::size_t section, facts_begin, facts_end;
        };
        std::vector<Extra> extras;
        auto components = [&](int sign, const std::vector<Pillar>& moved, StorySection& sec) {
            const Pushes pushes = pushing_components(parts, sign, moved, std::max<std::size_t>(2, moved.size()));
            for (std::size_t n = 0; n < pushes.named.size(); ++n) {
                const std::size_t facts = story.facts.size();
                component_sentence(r, parts, pushes.named[n], sec);
                if (n >= pushes.leading) extras.push_back({story.sections.size(), facts, story.facts.size()});
            }
        };
        // When no pillar rose, the section says so first: a component that
        // pushed a pillar up is then a partial offset, not a gain.
        StorySection gain{"What it achieved", {}};
        for (Pillar p : rose) pillar_sentence(r, p, gain);
        if (rose.empty()) gain.claims.push_back({"No pillar rose by a point or more.", ""});
        components(1, rose, gain);
        story.sections.push_back(std::move(gain));

        StorySection cost{"What it cost", {}};
        for (Pillar p : fell) pillar_sentence(r, p, cost);
        if (fell.empty()) cost.claims.push_back({"No pillar fell by a point or more.", ""});
        components(-1, fell, cost);
        story.sections.push_back(std::move(cost));

        StorySection bit{"Where the trilemma bit", {}};
        where_it_bit(r, rose, fell, bit);
        story.sections.push_back(std::move(bit));

        while (!extras.empty() && story_text(story).size() > kStoryMaxChars) {
            const Extra& e = extras.back();
            story.sections[e.section].claims.pop_back();
            story.facts.erase(story.facts.begin() + static_cast<std::ptrdiff_t>(e.facts_begin),
                              story.facts.begin() + static_cast<std::ptrdiff_t>(e.facts_end));
            extras.pop_back();
        }
    }

    for (std::size_t c = 0; c < attribution.changes.size(); ++c)
        for (int p = 0; p < kPillarCount; ++p) {
            auto pil = static_cast<Pillar>(p);
            double v = r.share(c, pil);
            if (std::fabs(v) < kStoryPoints) continue;
            const StoryClaim& why = lever_mechanism(attribution.changes[c], pil, scenario.seat);
            story.reasons.push_back({static_cast<int>(c), pil, v, why.text, why.source});
        }

    story.summary = summary_line(r);
    story.headline = headline_line(r, rose, fell);
    return story;
}

Scenario story_reference(const Scenario& s) {
    Scenario ref = scenario_from_preset(presets().front(), s.seat);
    ref.horizon = s.horizon;
    ref.reactions = s.reactions;
    ref.assumptions = s.assumptions;
    return ref;
}

Story tell_story(const Scenario& scenario) { return tell_story(scenario, attribute(scenario, story_reference(scenario))); }

std::string story_text(const Story& story) {
    std::string out;
    for (const auto& sec : story.sections) {
        if (!out.empty()) out += "\n";
        out += sec.title + "\n";
        for (const auto& c : sec.claims) out += c.text + "\n";
    }
    return out;
}

}  // namespace tl
