#include "app/app.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/platform.h"
#include "app/theme.h"
#include "imgui.h"

namespace app {

void App::start(double now) {
    restore_display();
    browser::set_handlers({
        [this](const std::string& name, const std::string& text) { open_text("file " + name, text); },
        [this](const std::string& text) {
            // In a text field the paste is the field's: ImGui cannot read the
            // browser's clipboard itself, so the text is typed into it.
            if (ImGui::GetIO().WantTextInput) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
            else open_text("pasted text", text);
        },
        [this](const browser::Fragment& f) { open_fragment(f, false); },
        [this](const std::string& source, const std::string& reason, double size) { sharing.refuse(source, reason, size); },
        [this] { sharing.flush(); },
    });
    std::optional<browser::Fragment> link = sharing.start(now);
    // After the library is read: a stored room that cannot be read is set
    // aside among its unreadable values (and is not counted as their notice).
    trainer.restore_room();
    // A reload comes back to the guide this tab was playing, at its step; a
    // reloaded `#guide=` address is that guide's own link, which opened again
    // would start it over in a new entry.
    if (browser::navigation_type() == "reload" && trainer.restore() && link && link->problem.empty() &&
        link->text == Trainer::guide_link_fragment(trainer.session()->guide))
        link.reset();
    if (link) open_fragment(*link, true);
}

void App::begin_frame(double now) {
    sharing.frame(now);
    state.update(now);
    trainer.frame(now);
}

void App::end_frame() {
    sharing.end_frame();
    browser::text_frame_done(ImGui::GetIO().WantTextInput);
}

bool App::open_text(const std::string& source, const std::string& text) {
    if (text.find("\"trilemma-lab/guide\"") != std::string::npos) {
        trainer.open_guide(text, source);  // refused: a notice says why, the work is kept
        return true;
    }
    // JSON (a scenario file's text) starts with '{'; a chat's lines may hold one anywhere.
    const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
    if (ui_state.room_open && (first == std::string::npos || text[first] != '{')) {
        trainer.room_add(text);
        return true;
    }
    return sharing.open_text(source, text);
}

void App::open_fragment(const browser::Fragment& fragment, bool at_start) {
    if (fragment.problem.empty() && fragment.text.rfind("guide=", 0) == 0) {
        // Refused: a notice says why, the work is kept, and the address no
        // longer holds the bad link (a reload would refuse it again).
        if (!trainer.open_guide(fragment.text.substr(6), "link")) sharing.show_own_fragment();
        return;
    }
    sharing.open_fragment(fragment, at_start);
}

void App::open_entry(const std::string& id) {
    if (sharing.open_entry(id)) trainer.leave();
}

void App::set_theme(Theme choice) {
    apply_theme(choice);
    store_display();
}

void App::set_font_scale(float scale) {
    apply_font_scale(scale);
    store_display();
}

void App::apply_theme(Theme choice) {
    state.settings.theme = choice;
    if (choice == Theme::Dark) {
        theme::apply_dark();
        platform::set_clear_color(theme::kBackgroundDark);
    } else {
        theme::apply_light();
        platform::set_clear_color(theme::kBackground);
    }
}

void App::apply_font_scale(float scale) {
    state.settings.font_scale = std::clamp(scale, kMinFontScale, kMaxFontScale);
    platform::set_font_scale(state.settings.font_scale);
}

// "1.3 dark": the text size and the theme. A value that does not read so
// (edited, from another version) is ignored: the defaults stand.
void App::store_display() const {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f %s", state.settings.font_scale,
                  state.settings.theme == Theme::Dark ? "dark" : "light");
    browser::storage_write(kDisplayKey, text);  // full storage: the next reload has the defaults
}

void App::restore_display() {
    const browser::Stored stored = browser::storage_read(kDisplayKey, 32);
    const std::string& text = stored.text;
    const std::size_t space = text.find(' ');
    if (space == std::string::npos) return;
    char* end = nullptr;
    const std::string number = text.substr(0, space);
    const double scale = std::strtod(number.c_str(), &end);
    const std::string theme_name = text.substr(space + 1);
    if (number.empty() || end != number.c_str() + number.size() || !(scale >= kMinFontScale && scale <= kMaxFontScale) ||
        (theme_name != "dark" && theme_name != "light"))
        return;
    apply_font_scale(static_cast<float>(scale));
    apply_theme(theme_name == "dark" ? Theme::Dark : Theme::Light);
}

}  // namespace app
