// The test hook's two functions (app/test_hook.h): the app's state as JSON
// and commands, so browser tests can check what the model says and drive the
// app where a mouse drag is not the point of the test. Commands call the same
// functions the UI calls (App::set_theme, App::set_font_scale, ui::tab_named...).
//
// Index of this file:
//   [SECTION] Results of commands (every JSON string escaped by one writer)
//   [SECTION] The state
//   [SECTION] Commands
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "app/app.h"
#include "app/layout.h"
#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/test_hook.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui_internal.h"  // the window keyboard navigation is in

namespace {

// [SECTION] Results of commands

// {"ok":<ok>} with, when `field` is given, "<field>":"<value>": the value
// escaped by RapidJSON's writer (an error may quote what the test sent).
std::string command_result(bool ok, const char* field = nullptr, const std::string& value = {}) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("ok");
    w.Bool(ok);
    if (field) {
        w.Key(field);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string command_error(const std::string& message) { return command_result(false, "error", message); }

}  // namespace

// [SECTION] The state

std::string app_state_json(app::App& app) {
    using namespace rapidjson;
    app::AppState& state = app.state;
    app::Sharing& sharing = app.sharing;
    const tl::Scenario& s = state.scenario();
    const app::ModelView& view = state.view();
    const platform::FrameInfo& f = platform::frame_info();
    StringBuffer buf;
    Writer<StringBuffer> w(buf);
    const int seat = tl::idx(s.seat);
    const int last = view.scenario.years - 1;
    w.StartObject();
    w.Key("frame"); w.Uint64(f.frame);
    w.Key("width"); w.Double(f.width);
    w.Key("height"); w.Double(f.height);
    w.Key("fb_width"); w.Int(f.fb_width);
    w.Key("fb_height"); w.Int(f.fb_height);
    w.Key("dpr"); w.Double(f.dpr);
    w.Key("cpu_ms"); w.Double(f.cpu_ms);
    w.Key("touch"); w.Bool(f.touch);  // finger-sized targets (theme::fit_targets)
    w.Key("layout"); w.String(ui::layout_name(ui::layout_for(f.width, state.settings.font_scale)));
    w.Key("tab"); w.String(ui::tab_name(app.ui_state.tab));
    w.Key("seat"); w.String(std::string(tl::kBlocIds[seat]).c_str());
    w.Key("preset"); w.String(s.preset.c_str());
    w.Key("horizon"); w.Int(s.horizon);
    w.Key("start_year"); w.Int(s.start_year);
    w.Key("reactions"); w.Bool(s.reactions);
    w.Key("revision"); w.Uint64(state.revision());
    w.Key("can_undo"); w.Bool(state.can_undo());
    w.Key("can_redo"); w.Bool(state.can_redo());
    w.Key("changed_levers"); w.Int(state.changed_lever_count());
    w.Key("resettable_levers"); w.Int(state.resettable_lever_count());  // what enables Reset
    w.Key("pinned"); w.Bool(state.pinned.has_value());
    w.Key("theme"); w.String(state.settings.theme == app::Theme::Light ? "light" : "dark");
    w.Key("font_scale"); w.Double(state.settings.font_scale);
    w.Key("bands_draws"); w.Int(view.monte_carlo ? view.monte_carlo->completed() : 0);
    w.Key("frontier_samples"); w.Int(static_cast<int>(view.frontier.samples.size()));
    w.Key("frontier_done"); w.Bool(view.frontier_ready);
    w.Key("reach_weakest_pair"); w.Double(view.frontier_reach.weakest_pair());
    w.Key("reach_all"); w.Double(view.frontier_reach.all);
    w.Key("last_run_ms"); w.Double(view.last_run_ms);
    w.Key("share_code"); w.String(sharing.share_code().c_str());
    w.Key("last_load"); w.String(sharing.last_load().c_str());
    w.Key("notices"); w.StartArray();
    for (const auto& n : sharing.notices()) w.String(n.shown().c_str());
    w.EndArray();
    w.Key("notices_posted"); w.Int(sharing.notices_posted());
    // The panel keyboard navigation is in ("##left_panel"), when its ring shows.
    const ImGuiContext& g = *GImGui;
    w.Key("keyboard_panel");
    w.String(g.NavWindow && !g.NavDisableHighlight ? g.NavWindow->RootWindow->Name : "");
    w.Key("text_input"); w.Bool(ImGui::GetIO().WantTextInput);  // a text field (or a slider typed into) is being edited
    w.Key("name"); w.String(s.name.c_str());
    w.Key("intro_open"); w.Bool(state.settings.intro_open);
    w.Key("about_open"); w.Bool(state.settings.about_open);
    w.Key("story_summary"); w.String(view.story.summary.c_str());
    w.Key("story"); w.String(tl::story_text(view.story).c_str());
    w.Key("entry"); w.String(sharing.entry_id().c_str());
    w.Key("storage_full"); w.Bool(sharing.storage_full());
    w.Key("unreadable"); w.Uint64(sharing.library().unreadable().size());
    app::Trainer& trainer = app.trainer;
    w.Key("guide");
    if (trainer.session()) {
        const auto& g = *trainer.session();
        w.StartObject();
        w.Key("id"); w.String(g.guide.id.c_str());
        w.Key("step"); w.Int(g.step);
        w.Key("steps"); w.Int(static_cast<int>(g.guide.steps.size()));
        w.Key("finished"); w.Bool(g.finished);
        w.Key("presenter"); w.Bool(g.presenter);
        w.Key("has_goal"); w.Bool(g.guide.steps[g.step].goal.has_value());
        w.Key("goal_met"); w.Bool(g.status.met);
        w.Key("conditions_met"); w.Int(g.status.conditions_met);
        // Each condition's target in its indicator's unit (a target measured
        // from the step's start moves if the start does).
        w.Key("targets"); w.StartArray();
        for (const auto& c : g.status.conditions) w.Double(c.target_value);
        w.EndArray();
        w.Key("path"); w.Int(static_cast<int>(g.path.size()));
        w.Key("open_levers"); w.StartArray();
        for (int slot = 0; slot < tl::kSlotCount; ++slot)
            if (!state.locked[slot]) w.String(tl::slot_key(slot).c_str());
        w.EndArray();
        w.EndObject();
    } else {
        w.Null();
    }
    w.Key("share_dialog_link"); w.String(app.ui_state.share_dialog_link.c_str());
    w.Key("room_status"); w.String(trainer.room_status().text.c_str());
    {
        const app::RoomSpread spread = trainer.room_spread();
        w.Key("room_spread"); w.StartObject();
        w.Key("scenarios"); w.Int(spread.scenarios);
        w.Key("mean"); w.StartArray();
        for (double m : spread.mean) w.Double(m);
        w.EndArray();
        w.EndObject();
    }
    w.Key("room"); w.StartArray();
    for (const auto& e : trainer.room()) {
        w.StartObject();
        w.Key("number"); w.Int(e.number);
        w.Key("label"); w.String(e.label.c_str());
        w.Key("text"); w.String(e.text.c_str());
        w.Key("error"); w.String(e.error.c_str());
        w.Key("ok"); w.Bool(e.ok);
        w.Key("same_as"); w.Int(e.same_as);
        w.Key("protect"); w.Double(e.scores[0]);
        w.Key("promote"); w.Double(e.scores[1]);
        w.Key("partner"); w.Double(e.scores[2]);
        w.EndObject();
    }
    w.EndArray();
    w.Key("levers"); w.StartObject();
    for (int slot = 0; slot < tl::kSlotCount; ++slot) {
        w.Key(tl::slot_key(slot).c_str());
        w.Double(s.policy[seat][slot]);
    }
    w.EndObject();
    auto indicators = [&](const tl::Results& r) {
        w.StartObject();
        for (int i = 0; i < tl::kIndicatorCount; ++i) {
            w.Key(std::string(tl::kIndicators[i].key).c_str());
            w.Double(r.years > 0 ? r.ind[i][seat][last] : 0.0);
        }
        w.EndObject();
    };
    w.Key("indicators"); indicators(view.scenario);
    w.Key("baseline"); indicators(view.baseline);
    // The seat's history 2017..2023 (the backcast the charts draw), per indicator.
    w.Key("history"); w.StartObject();
    for (int i = 0; view.scenario.has_history && i < tl::kIndicatorCount; ++i) {
        w.Key(std::string(tl::kIndicators[i].key).c_str());
        w.StartArray();
        for (int y = 0; y < tl::kHistoryYears; ++y) w.Double(view.scenario.hist[i][seat][y]);
        w.EndArray();
    }
    w.EndObject();
    w.Key("lever_list_visible"); w.StartArray();
    for (float v : {app.ui_state.lever_list_visible.x, app.ui_state.lever_list_visible.y, app.ui_state.lever_list_visible.z,
                    app.ui_state.lever_list_visible.w})
        w.Double(v);
    w.EndArray();
    w.Key("lever_rects"); w.StartObject();
    for (const auto& [key, r] : app.ui_state.lever_rects) {
        w.Key(key.c_str());
        w.StartArray();
        w.Double(r.x); w.Double(r.y); w.Double(r.z); w.Double(r.w);
        w.EndArray();
    }
    w.EndObject();
    // Every labelled item drawn last frame (buttons, combos, headers, tabs,
    // selectables...), by its label: [x, y, w, h] of its visible part.
    const ui::audit::Report& audit = ui::audit::last_frame();
    w.Key("items"); w.StartObject();
    for (const auto& item : audit.items) {
        w.Key(item.label.c_str());
        w.StartArray();
        w.Double(item.rect.x); w.Double(item.rect.y); w.Double(item.rect.z); w.Double(item.rect.w);
        w.EndArray();
    }
    w.EndObject();
    // Text drawn straight into a draw list (chart axes): [text, x, y, w, h].
    w.Key("drawn_texts"); w.StartArray();
    for (const auto& t : audit.texts) {
        w.StartArray();
        w.String(t.label.c_str());
        w.Double(t.rect.x); w.Double(t.rect.y); w.Double(t.rect.z); w.Double(t.rect.w);
        w.EndArray();
    }
    w.EndArray();
    w.Key("text_clipped"); w.Int(static_cast<int>(audit.clipped.size()));
    w.Key("text_overlaps"); w.Int(static_cast<int>(audit.overlapping.size()));
    w.Key("text_problems"); w.StartArray();
    for (const auto& p : audit.clipped) w.String(p.what.c_str());
    for (const auto& p : audit.overlapping) w.String(p.what.c_str());
    w.EndArray();
    // Text and mark colours of the current theme over what they are drawn on
    // (theme::contrast_pairs): [r, g, b, a] each, 0..1.
    w.Key("contrast"); w.StartArray();
    auto color = [&](const ImVec4& c) {
        w.StartArray(); w.Double(c.x); w.Double(c.y); w.Double(c.z); w.Double(c.w); w.EndArray();
    };
    for (const auto& pair : theme::contrast_pairs()) {
        w.StartObject();
        w.Key("name"); w.String(pair.name);
        w.Key("text"); w.Bool(pair.text);
        w.Key("fg"); color(pair.fg);
        w.Key("bg"); color(pair.bg);
        w.Key("base"); color(pair.base);
        w.EndObject();
    }
    w.EndArray();
    w.Key("tooltip");
    if (audit.tooltip) {
        w.StartArray();
        w.Double(audit.tooltip_rect.x); w.Double(audit.tooltip_rect.y);
        w.Double(audit.tooltip_rect.z); w.Double(audit.tooltip_rect.w);
        w.EndArray();
    } else {
        w.Null();
    }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

// [SECTION] Commands

std::string app_command(app::App& app, std::string_view json) {
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("cmd") || !d["cmd"].IsString())
        return command_error("expected {\"cmd\": ...}");
    app::AppState& state = app.state;
    app::Sharing& sharing = app.sharing;
    app::Trainer& trainer = app.trainer;
    std::string cmd = d["cmd"].GetString();
    auto str = [&](const char* k) { return d.HasMember(k) && d[k].IsString() ? std::string(d[k].GetString()) : std::string(); };
    if (cmd == "set_lever") {
        tl::Scenario s = state.scenario();
        if (!d.HasMember("value") || !d["value"].IsNumber()) return command_error("set_lever needs a numeric value");
        std::string key = str("lever");
        if (!str("bloc").empty()) key = str("bloc") + "." + key;
        std::string err = tl::apply_setting(s, key, d["value"].GetDouble());
        if (!err.empty()) return command_error(err);
        state.set_scenario(s);
    } else if (cmd == "preset") {
        if (!tl::find_preset(str("id"))) return command_error("unknown preset");
        state.load_preset(str("id"));
    } else if (cmd == "seat") {
        auto b = tl::parse_bloc(str("bloc"));
        if (!b) return command_error("unknown bloc");
        state.set_seat(*b);
    } else if (cmd == "open_text") {
        bool ok = app.open_text("pasted text", str("text"));
        state.update(platform::frame_info().time);
        return ok ? command_result(true) : command_error("rejected");
    } else if (cmd == "guide") {
        bool ok = trainer.open_guide(str("id"), "test");
        state.update(platform::frame_info().time);
        trainer.frame(platform::frame_info().time);
        return ok ? command_result(true) : command_error("rejected");
    } else if (cmd == "guide_next" || cmd == "guide_prev" || cmd == "guide_leave" || cmd == "presenter") {
        if (!trainer.session()) return command_error("no guide");
        if (cmd == "guide_next") trainer.next_step();
        else if (cmd == "guide_prev") trainer.previous_step();
        else if (cmd == "presenter") trainer.session()->presenter = !trainer.session()->presenter;
        else trainer.leave();
    } else if (cmd == "library") {
        // The library window's actions: open, duplicate, rename, delete an entry; "show" opens the window.
        const std::string action = str("action"), id = str("id");
        if (action == "show") app.ui_state.library.open_request = true;
        else if (action == "open") app.open_entry(id);
        else if (action == "duplicate") sharing.duplicate_entry(id);
        else if (action == "rename") sharing.rename_entry(id, str("name"));
        else if (action == "delete") sharing.delete_entry(id);
        else return command_error("unknown library action");
        sharing.library().refresh();
    } else if (cmd == "room_add") {
        app.ui_state.room_open = true;
        trainer.room_add(str("text"));
    } else if (cmd == "room_csv") {
        return command_result(true, "csv", trainer.room_csv());
    } else if (cmd == "theme") {
        app.set_theme(str("name") == "dark" ? app::Theme::Dark : app::Theme::Light);
    } else if (cmd == "font_scale") {
        if (!d.HasMember("value") || !d["value"].IsNumber()) return command_error("font_scale needs a numeric value");
        app.set_font_scale(static_cast<float>(d["value"].GetDouble()));
    } else if (cmd == "undo") state.undo();
    else if (cmd == "redo") state.redo();
    else if (cmd == "reset") state.reset_policies();
    else if (cmd == "export_summary") sharing.export_summary();
    else if (cmd == "tab") {
        const auto tab = ui::tab_named(str("name"));
        if (!tab) return command_error("unknown tab");
        app.ui_state.tab = *tab;
        return command_result(true);
    } else return command_error("unknown command " + cmd);
    state.update(platform::frame_info().time);
    trainer.frame(platform::frame_info().time);
    return command_result(true);
}
