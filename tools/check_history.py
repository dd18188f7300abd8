#!/usr/bin/env python3
"""Validate the history data the backcast is built on (docs/history.md describes both files).

Checks assets/history/policy_timeline.json and assets/history/reference_data.json against
the schema, the lever ids of assets/levers.json, the indicator keys of core/outcomes.h, the
sector and bloc ids of core/types.h, and - most important - against the seed documents: every
citation must name an existing seed file and line, and that line must contain the row's
`quote` word for word. Standard library only, so CI can run it without building C++.

Usage: python3 tools/check_history.py [--repo DIR] [--seeds DIR] [--print-tables]
(--print-tables writes the two tables of docs/history.md from the data.)
Exit status 0 when every row passes; 1 with one message per problem, each naming the row.
"""

import argparse
import json
import os
import re
import sys

YEAR_MIN, YEAR_MAX = 2010, 2024
TARGET_YEAR_MAX = 2040  # targets and projections may look past the history
YEAR_BASES = {"cited", "as_of_source", "assumption"}
SEED_SUPPORT = {"full", "partial", "none"}
TOLERANCE_KINDS = {"relative", "absolute", "direction", "order_of_magnitude"}
REFERENCE_KINDS = {"observed", "target", "projection"}
COMPARISONS = {"equal", "upper_bound", "lower_bound"}
CITATION_RE = re.compile(r"^(\d{3}):L(\d+)$")
PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?\.\.(\d{4})(?:-(\d{2}))?$")


class Checker:
    def __init__(self, repo, seeds):
        self.repo = repo
        self.seeds = seeds
        self.errors = []
        self.seed_lines = {}  # prefix -> list of lines
        for name in sorted(os.listdir(seeds)):
            match = re.match(r"^(\d{3})_.*\.txt$", name)
            if match:
                with open(os.path.join(seeds, name), encoding="utf-8") as f:
                    # split on "\n" only, as sed and editors number lines (splitlines would also
                    # split on form feeds and Unicode separators and shift the numbers).
                    lines = f.read().split("\n")
                    if lines and lines[-1] == "":
                        lines.pop()
                    self.seed_lines[match.group(1)] = lines
        self.levers = self._load_levers()
        self.sectors, self.blocs = self._load_types()
        self.indicators = self._load_indicators()
        self.per_sector, self.status_quo = self._load_status_quo()

    def fail(self, where, message):
        self.errors.append(f"{where}: {message}")

    # ---- project definitions -------------------------------------------------------------
    def _load_levers(self):
        with open(os.path.join(self.repo, "assets", "levers.json"), encoding="utf-8") as f:
            return {lever["id"]: lever for lever in json.load(f)["levers"]}

    def _load_types(self):
        with open(os.path.join(self.repo, "core", "types.h"), encoding="utf-8") as f:
            text = f.read()

        def ids(name):
            match = re.search(name + r"\s*\{([^}]*)\}", text)
            if not match:
                raise SystemExit(f"core/types.h: cannot find {name}")
            return re.findall(r'"([^"]+)"', match.group(1))

        return set(ids("kSectorIds")), set(ids("kBlocIds"))

    def _load_indicators(self):
        with open(os.path.join(self.repo, "core", "outcomes.h"), encoding="utf-8") as f:
            text = f.read()
        start = text.find("kIndicators")
        if start < 0:
            raise SystemExit("core/outcomes.h: cannot find kIndicators")
        keys = re.findall(r'\{\s*"([a-z_]+)"\s*,', text[start:])
        if not keys:
            raise SystemExit("core/outcomes.h: no indicator keys found after kIndicators")
        return set(keys)

    def _load_status_quo(self):
        """Per-sector levers are those the status quo preset writes as lever.sector."""
        with open(os.path.join(self.repo, "assets", "presets.json"), encoding="utf-8") as f:
            presets = json.load(f)["presets"]
        status_quo = next((p for p in presets if p["id"] == "status_quo_2024"), None)
        if status_quo is None:
            raise SystemExit("assets/presets.json: no status_quo_2024 preset")
        per_sector = set()
        for values in status_quo["blocs"].values():
            for slot in values:
                if "." in slot:
                    per_sector.add(slot.split(".")[0])
        return per_sector, status_quo["blocs"]

    # ---- shared field checks ---------------------------------------------------------------
    def check_citations(self, where, row):
        citations = row.get("citations")
        if not isinstance(citations, list) or not citations:
            self.fail(where, "needs a non-empty 'citations' list")
            return []
        lines = []
        for i, cite in enumerate(citations):
            here = f"{where} citation {i + 1}"
            if not isinstance(cite, dict) or set(cite) != {"ref", "quote"}:
                self.fail(here, "must be an object with exactly 'ref' and 'quote'")
                continue
            match = CITATION_RE.match(str(cite["ref"]))
            if not match:
                self.fail(here, f"ref '{cite['ref']}' is not of the form 001:L69")
                continue
            prefix, line_no = match.group(1), int(match.group(2))
            if prefix not in self.seed_lines:
                self.fail(here, f"no seed file {prefix}_*.txt in {self.seeds}")
                continue
            seed = self.seed_lines[prefix]
            if not 1 <= line_no <= len(seed):
                self.fail(here, f"{cite['ref']}: seed {prefix} has only {len(seed)} lines")
                continue
            quote = cite["quote"]
            if not isinstance(quote, str) or len(quote.strip()) < 3:
                self.fail(here, "quote must be a phrase of at least 3 characters")
                continue
            if quote not in seed[line_no - 1]:
                self.fail(here, f"{cite['ref']} does not contain the quote \"{quote}\"")
                continue
            lines.append(seed[line_no - 1])
        return lines

    def check_text(self, where, row, field):
        value = row.get(field)
        if not isinstance(value, str) or len(value.strip()) < 10:
            self.fail(where, f"'{field}' must be a sentence (at least 10 characters)")

    def check_ids_unique(self, name, rows):
        seen = set()
        for i, row in enumerate(rows):
            rid = row.get("id") if isinstance(row, dict) else None
            if not isinstance(rid, str) or not re.match(r"^[a-z0-9_]+$", rid):
                self.fail(f"{name} row {i + 1}", f"id {rid!r} must be lower_snake_case")
            elif rid in seen:
                self.fail(f"{name} row {i + 1}", f"duplicate id '{rid}'")
            seen.add(rid)

    def check_year(self, where, value, field="year", last=YEAR_MAX):
        if not isinstance(value, int) or isinstance(value, bool) or not YEAR_MIN <= value <= last:
            self.fail(where, f"'{field}' {value!r} must be an integer year in {YEAR_MIN}..{last}")
            return False
        return True

    # ---- policy timeline -------------------------------------------------------------------
    def parse_slot(self, where, slot):
        lever, _, sector = str(slot).partition(".")
        if lever not in self.levers:
            self.fail(where, f"unknown lever '{lever}' (not in assets/levers.json)")
            return None
        if lever in self.per_sector:
            if sector not in self.sectors:
                self.fail(where, f"lever '{lever}' is per sector: write {lever}.<one of {sorted(self.sectors)}>")
                return None
        elif sector:
            self.fail(where, f"lever '{lever}' is not per sector; '{slot}' names a sector")
            return None
        return self.levers[lever]

    def check_fields(self, where, row, required, optional):
        """Unknown fields are reported; missing ones too, and then the row is skipped (False)."""
        missing = required - set(row)
        unknown = set(row) - required - optional
        if missing:
            self.fail(where, f"missing fields {sorted(missing)}")
            return False
        if unknown:
            self.fail(where, f"unknown fields {sorted(unknown)}")
        return True

    def rows_of(self, path, key, kind):
        """The non-empty list `key` of the file at `path`, its ids checked unique; None (reported) otherwise."""
        data = self.load(path)
        if data is None:
            return None
        rows = data.get(key)
        if not isinstance(rows, list) or not rows:
            self.fail(path, f"needs a non-empty '{key}' list")
            return None
        self.check_ids_unique(kind, rows)
        return rows

    def check_timeline(self, path):
        rows = self.rows_of(path, "policies", "policy")
        if rows is None:
            return
        required = {"id", "year", "month", "year_basis", "bloc", "title", "what", "levers", "seed_support",
                    "citations"}
        optional = {"year_note", "note"}
        chains = {}  # (bloc, slot) -> list of (year, month, id, from, to)
        previous_date = (0, 0)
        for i, row in enumerate(rows):
            where = f"policy '{row.get('id', i + 1)}'"
            if not self.check_fields(where, row, required, optional):
                continue
            year_ok = self.check_year(where, row["year"])
            month = row["month"]
            if month is not None and (not isinstance(month, int) or not 1 <= month <= 12):
                self.fail(where, f"'month' {month!r} must be null or 1..12")
                month = None
            if year_ok:
                date = (row["year"], month or 0)
                if date < previous_date:
                    self.fail(where, "rows must be in date order (year, then month; no month sorts first)")
                previous_date = max(previous_date, date)
            if row["bloc"] not in self.blocs:
                self.fail(where, f"bloc '{row['bloc']}' is not one of {sorted(self.blocs)}")
            if row["year_basis"] not in YEAR_BASES:
                self.fail(where, f"year_basis must be one of {sorted(YEAR_BASES)}")
            if row["seed_support"] not in SEED_SUPPORT:
                self.fail(where, f"seed_support must be one of {sorted(SEED_SUPPORT)}")
            if row["year_basis"] != "cited" or row["seed_support"] != "full":
                if not isinstance(row.get("year_note"), str) or len(row["year_note"]) < 10:
                    self.fail(where, "a year or a policy the seeds do not fully support needs a 'year_note' saying why")
            self.check_text(where, row, "title")
            self.check_text(where, row, "what")
            lines = self.check_citations(where, row)
            if row["year_basis"] == "cited" and year_ok and lines:
                if not any(str(row["year"]) in line for line in lines):
                    self.fail(where, f"year_basis 'cited' but no cited line contains {row['year']}")
            levers = row["levers"]
            if not isinstance(levers, list) or not levers:
                self.fail(where, "needs a non-empty 'levers' list")
                continue
            for j, change in enumerate(levers):
                here = f"{where} lever {j + 1}"
                if not isinstance(change, dict) or set(change) != {"slot", "from", "to", "reasoning"}:
                    self.fail(here, "must be an object with exactly slot, from, to, reasoning")
                    continue
                lever = self.parse_slot(here, change["slot"])
                self.check_text(here, change, "reasoning")
                if lever is None:
                    continue
                for field in ("from", "to"):
                    value = change[field]
                    if not isinstance(value, (int, float)) or isinstance(value, bool):
                        self.fail(here, f"'{field}' must be a number in the lever's unit ({lever['unit']})")
                    elif not lever["min"] <= value <= lever["max"]:
                        self.fail(here, f"'{field}' {value} is outside {lever['min']}..{lever['max']} {lever['unit']}")
                if row["bloc"] in self.blocs:
                    chains.setdefault((row["bloc"], change["slot"]), []).append(
                        (row["id"], change["from"], change["to"]))
        self.check_chains(chains)

    def check_chains(self, chains):
        """Each bloc's slot moves step by step: a change starts where the previous one ended,
        and the last one lands on the status quo 2024 preset the app starts from."""
        for (bloc, slot), steps in sorted(chains.items()):
            for (prev_id, _, prev_to), (row_id, start, _) in zip(steps, steps[1:]):
                if start != prev_to:
                    self.fail(f"policy '{row_id}'", f"{bloc} {slot} starts at {start} but '{prev_id}' left it at {prev_to}")
            lever = self.levers.get(slot.split(".")[0])
            if lever is None:
                continue
            preset = self.status_quo.get(bloc, {}).get(slot, lever["neutral"])
            last_id, _, last_to = steps[-1]
            if last_to != preset:
                self.fail(f"policy '{last_id}'",
                          f"{bloc} {slot} ends the history at {last_to} but status_quo_2024 has {preset}")

    # ---- reference data --------------------------------------------------------------------
    def check_reference(self, path):
        rows = self.rows_of(path, "series", "reference")
        if rows is None:
            return
        required = {"id", "series", "unit", "bloc", "kind", "value", "comparison", "model_indicator", "tolerance",
                    "citations"}
        optional = {"year", "period", "related_indicator", "note", "value_note"}
        for i, row in enumerate(rows):
            where = f"reference '{row.get('id', i + 1)}'"
            if not self.check_fields(where, row, required, optional):
                continue
            self.check_text(where, row, "series")
            if not isinstance(row["unit"], str) or not row["unit"]:
                self.fail(where, "'unit' must name the unit")
            last = TARGET_YEAR_MAX if row["kind"] in ("target", "projection") else YEAR_MAX
            if ("year" in row) == ("period" in row):
                self.fail(where, "give exactly one of 'year' or 'period' (e.g. \"2023-01..2023-04\")")
            elif "year" in row:
                self.check_year(where, row["year"], last=last)
            else:
                match = PERIOD_RE.match(str(row["period"]))
                if not match:
                    self.fail(where, f"period '{row['period']}' must look like 2021..2024 or 2023-01..2023-04")
                else:
                    first, end = int(match.group(1)), int(match.group(3))
                    if self.check_year(where, first, "period start", last) and self.check_year(where, end, "period end", last):
                        if (first, match.group(2) or "") > (end, match.group(4) or ""):
                            self.fail(where, "period ends before it starts")
            self.check_pair(where, row["bloc"])
            if row["kind"] not in REFERENCE_KINDS:
                self.fail(where, f"kind must be one of {sorted(REFERENCE_KINDS)}")
            if row["comparison"] not in COMPARISONS:
                self.fail(where, f"comparison must be one of {sorted(COMPARISONS)}")
            value = row["value"]
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.fail(where, "'value' must be a number")
            self.check_indicator(where, row["model_indicator"], allow_new=True)
            if "related_indicator" in row:
                self.check_indicator(where, row["related_indicator"], allow_new=False)
            self.check_tolerance(where, row["tolerance"])
            lines = self.check_citations(where, row)
            if lines and isinstance(value, (int, float)):
                if not any(self.number_in_line(value, line) for line in lines):
                    note = row.get("value_note")
                    if not isinstance(note, str) or len(note) < 10:
                        self.fail(where, f"value {value} appears in none of the cited lines; "
                                         "a value written in words or derived needs a 'value_note' saying how")

    def check_pair(self, where, bloc):
        if bloc == "World":  # a global figure (e.g. ISO/IEC's share of all product standards)
            return
        parts = str(bloc).split("->")
        if len(parts) > 2 or any(p not in self.blocs for p in parts):
            self.fail(where, f"bloc '{bloc}' must be World, a bloc id or a pair 'China->US' of {sorted(self.blocs)}")

    def check_indicator(self, where, key, allow_new):
        if allow_new and isinstance(key, str) and key.startswith("new:"):
            if not re.match(r"^new:[a-z0-9_]+$", key):
                self.fail(where, f"'{key}' must be new:lower_snake_case")
        elif key not in self.indicators:
            self.fail(where, f"indicator '{key}' is not a key of kIndicators in core/outcomes.h")

    def check_tolerance(self, where, tolerance):
        if not isinstance(tolerance, dict) or tolerance.get("kind") not in TOLERANCE_KINDS:
            self.fail(where, f"tolerance must be an object whose kind is one of {sorted(TOLERANCE_KINDS)}")
            return
        kind = tolerance["kind"]
        allowed = {"kind", "why"} | ({"value"} if kind in ("relative", "absolute") else set()) | (
            {"direction"} if kind == "direction" else set())
        if set(tolerance) - allowed:
            self.fail(where, f"tolerance of kind {kind} has unknown fields {sorted(set(tolerance) - allowed)}")
        if kind in ("relative", "absolute"):
            value = tolerance.get("value")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                self.fail(where, f"a {kind} tolerance needs a positive 'value'")
            elif kind == "relative" and value >= 1.0:
                self.fail(where, "a relative tolerance is a fraction below 1 (0.25 = 25%); use order_of_magnitude")
        if kind == "direction" and tolerance.get("direction") not in ("up", "down", "positive", "negative"):
            self.fail(where, "a direction tolerance names 'direction': up, down, positive or negative")
        why = tolerance.get("why")
        if not isinstance(why, str) or len(why) < 20:
            self.fail(where, "tolerance needs a 'why' of at least 20 characters")

    @staticmethod
    def number_in_line(value, line):
        """True when the line writes the value, allowing 1,000 and 23.4 forms."""
        text = line.replace(",", "")
        candidates = {f"{value:g}"}
        if float(value).is_integer():
            candidates.add(str(int(value)))
        for candidate in candidates:
            if re.search(r"(?<![\d.])" + re.escape(candidate) + r"(?![\d])", text):
                return True
        return False

    def check_docs(self, path):
        """docs/history.md carries both tables exactly as --print-tables writes them, so a row
        added or changed without regenerating the docs fails."""
        full = os.path.join(self.repo, path)
        if not os.path.exists(full):
            return  # the docs are optional for a copy of the data (tests use one)
        with open(full, encoding="utf-8") as f:
            text = f.read()
        for name, table in (("reference data", self.reference_table()), ("policy timeline", self.timeline_table())):
            if table is None:
                continue
            for line in table.split("\n")[2:]:
                if line not in text:
                    row_id = line.split("`")[1] if "`" in line else line[:40]
                    self.fail(path, f"the {name} table is stale at row '{row_id}': "
                                    f"run python3 tools/check_history.py --print-tables and paste the tables")

    def reference_table(self):
        data = self.load("assets/history/reference_data.json")
        if not isinstance(data, dict) or not isinstance(data.get("series"), list):
            return None
        bounds = {"equal": "", "upper_bound": "≤ ", "lower_bound": "≥ "}
        lines = ["| id | series | bloc | year | value | model indicator (related) | tolerance | why | source |",
                 "|---|---|---|---|---|---|---|---|---|"]
        try:
            for r in data["series"]:
                tol = r["tolerance"]
                width = {"relative": lambda t: f"±{round(t['value'] * 100):g}%",
                         "absolute": lambda t: f"±{t['value']:g}",
                         "direction": lambda t: f"direction {t['direction']}",
                         "order_of_magnitude": lambda t: "order of magnitude"}[tol["kind"]](tol)
                kind = "" if r["kind"] == "observed" else f" ({r['kind']})"
                related = f" ({r['related_indicator']})" if "related_indicator" in r else ""
                lines.append(
                    f"| `{r['id']}` | {r['series']}{kind} | {r['bloc']} | {r.get('year', r.get('period'))} | "
                    f"{bounds[r['comparison']]}{r['value']:g} {r['unit']} | `{r['model_indicator']}`{related} | "
                    f"{width} | {tol['why']} | {', '.join(c['ref'] for c in r['citations'])} |")
        except (KeyError, TypeError, ValueError):
            return None  # the row checks above already report a malformed row
        return "\n".join(lines)

    def timeline_table(self):
        data = self.load("assets/history/policy_timeline.json")
        if not isinstance(data, dict) or not isinstance(data.get("policies"), list):
            return None
        lines = ["| date | bloc | policy | lever changes | date basis | seed support | sources |",
                 "|---|---|---|---|---|---|---|"]
        try:
            for r in data["policies"]:
                date = f"{r['year']}-{r['month']:02d}" if r["month"] else str(r["year"])
                changes = "; ".join(f"{c['slot']} {c['from']:g}→{c['to']:g}" for c in r["levers"])
                lines.append(f"| {date} | {r['bloc']} | `{r['id']}`: {r['title']} | {changes} | {r['year_basis']} | "
                             f"{r['seed_support']} | {', '.join(c['ref'] for c in r['citations'])} |")
        except (KeyError, TypeError, ValueError):
            return None
        return "\n".join(lines)

    def load(self, path):
        full = os.path.join(self.repo, path)
        try:
            with open(full, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, json.JSONDecodeError) as err:
            self.fail(path, f"cannot read: {err}")
            return None


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", default=here)
    parser.add_argument("--seeds", default=None, help="seed directory (default: ../shared/seeds beside the repository)")
    parser.add_argument("--print-tables", action="store_true",
                        help="print the two markdown tables of docs/history.md from the data and exit")
    args = parser.parse_args()
    seeds = args.seeds
    if seeds is None:
        for candidate in (os.path.join(args.repo, "..", "shared", "seeds"),):
            if os.path.isdir(candidate):
                seeds = candidate
                break
    if seeds is None or not os.path.isdir(seeds):
        print("check_history: no seed directory (pass --seeds)", file=sys.stderr)
        return 1
    checker = Checker(args.repo, seeds)
    if args.print_tables:
        print("## Every observed series, its tolerance and why\n")
        print(checker.reference_table() or "(reference data unreadable)")
        print("\n## The policy timeline\n")
        print(checker.timeline_table() or "(policy timeline unreadable)")
        return 0
    checker.check_timeline("assets/history/policy_timeline.json")
    checker.check_reference("assets/history/reference_data.json")
    checker.check_docs("docs/history.md")
    for message in checker.errors:
        print(message, file=sys.stderr)
    if checker.errors:
        print(f"check_history: {len(checker.errors)} problem(s)", file=sys.stderr)
        return 1
    print("check_history: both files valid; every quote found on its cited seed line")
    return 0


if __name__ == "__main__":
    sys.exit(main())
