#include "core/policy_fields.h"

namespace tl {

void CEREAL_LOAD_FUNCTION_NAME(json::ReadArchive& ar, PolicyFields& field) {
    std::string at;
    const rapidjson::Value* blocs = ar.next_value(at);
    if (!blocs) return;
    json::FieldReader& r = ar.reader();
    if (!blocs->IsObject()) return r.error(at, "expected an object keyed by bloc");
    for (const auto& bm : blocs->GetObject()) {
        std::string bloc_at = json::FieldReader::at(at, {bm.name.GetString(), bm.name.GetStringLength()});
        auto bloc = parse_bloc({bm.name.GetString(), bm.name.GetStringLength()});
        if (!bloc) {
            r.error(bloc_at, "unknown bloc");
            continue;
        }
        if (!bm.value.IsObject()) {
            r.error(bloc_at, "expected an object of lever values");
            continue;
        }
        for (const auto& lm : bm.value.GetObject()) {
            std::string_view key(lm.name.GetString(), lm.name.GetStringLength());
            std::string lever_at = json::FieldReader::at(bloc_at, key);
            auto slot = parse_slot(key);
            if (!slot) r.error(lever_at, "unknown lever");
            else if (!lm.value.IsNumber()) r.error(lever_at, "expected a number");
            else field.policy[idx(*bloc)][*slot] = lm.value.GetDouble();
        }
    }
}

void CEREAL_SAVE_FUNCTION_NAME(json::WriteArchive& ar, const PolicyFields& field) {
    ar.write_name();
    ar.start_object();
    for (int b = 0; b < kBlocCount; ++b) {
        bool open = false;
        for (int slot = 0; slot < kSlotCount; ++slot) {
            double v = field.policy[b][slot];
            if (field.base && (*field.base)[b][slot] == v) continue;
            if (!open) {
                ar.key(kBlocIds[b]);
                ar.start_object();
                open = true;
            }
            ar.key(slot_key(slot));
            ar(v);
        }
        if (open) ar.end_object();
    }
    ar.end_object();
}

}  // namespace tl
