#!/usr/bin/env python3
"""Tests of tools/check_history.py: the real history files pass, and each kind of damage an
editor could do to them (a wrong line number, a changed value, an unknown lever or indicator,
a broken lever chain) makes the checker fail with a message naming the row.
Standard library only: python3 tools/test_check_history.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKER = os.path.join(REPO, "tools", "check_history.py")
SEEDS = next((d for d in (os.path.join(REPO, "..", "shared", "seeds"),) if os.path.isdir(d)), None)


@unittest.skipIf(SEEDS is None, "no seed directory")
class CheckHistoryTest(unittest.TestCase):
    def setUp(self):
        self.repo = tempfile.mkdtemp()
        for rel in ("core/types.h", "core/outcomes.h", "assets/levers.json", "assets/presets.json",
                    "assets/history/policy_timeline.json", "assets/history/reference_data.json"):
            os.makedirs(os.path.dirname(os.path.join(self.repo, rel)), exist_ok=True)
            shutil.copy(os.path.join(REPO, rel), os.path.join(self.repo, rel))

    def tearDown(self):
        shutil.rmtree(self.repo)

    def run_checker(self):
        return subprocess.run([sys.executable, CHECKER, "--repo", self.repo, "--seeds", SEEDS],
                              capture_output=True, text=True)

    def damage(self, name, old, new):
        path = os.path.join(self.repo, "assets", "history", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(old in text, f"the test's anchor {old!r} is no longer in {name}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def assert_fails_naming(self, row_id, words):
        result = self.run_checker()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"'{row_id}'", result.stderr)
        self.assertIn(words, result.stderr)

    def test_the_committed_files_pass(self):
        result = self.run_checker()
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_a_table_of_the_docs_that_lags_the_data_fails(self):
        os.makedirs(os.path.join(self.repo, "docs"))
        with open(os.path.join(REPO, "docs", "history.md"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(self.repo, "docs", "history.md"), "w", encoding="utf-8") as f:
            f.write(text)
        # A change every other check accepts: only the docs table now lags.
        self.damage("reference_data.json", '"unit": "machines per year"', '"unit": "machines a year"')
        result = self.run_checker()
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr.count("\n"), 2, result.stderr)  # one problem + the count line
        self.assertIn("table is stale at row 'asml_euv_machines_2023'", result.stderr)

    def test_a_line_number_off_by_one_fails(self):
        self.damage("reference_data.json", '"ref": "002:L14"', '"ref": "002:L15"')
        self.assert_fails_naming("china_fdi_in_us_2017", "002:L15 does not contain the quote")

    def test_a_line_past_the_end_of_the_seed_fails(self):
        self.damage("policy_timeline.json", '"ref": "003:L403"', '"ref": "003:L999"')
        self.assert_fails_naming("us_huawei_entity_list_2019", "has only 421 lines")

    def test_a_value_the_seed_does_not_give_fails(self):
        self.damage("reference_data.json", '"value": 23.4', '"value": 23.5')
        self.assert_fails_naming("china_fdi_in_us_2017", "value 23.5 appears in none of the cited lines")

    def test_a_cited_year_must_be_on_the_cited_line(self):
        self.damage("policy_timeline.json", '"id": "us_october_7_controls_2022",\n     "year": 2022',
                    '"id": "us_october_7_controls_2022",\n     "year": 2021')
        self.assert_fails_naming("us_october_7_controls_2022", "no cited line contains 2021")

    def test_an_unknown_lever_or_sector_fails(self):
        self.damage("policy_timeline.json", '"slot": "outbound_screening"', '"slot": "outbound_controls"')
        self.assert_fails_naming("us_outbound_investment_rules_2023", "unknown lever 'outbound_controls'")

    def test_an_unknown_indicator_fails(self):
        self.damage("reference_data.json", '"related_indicator": "standards_influence"',
                    '"related_indicator": "standards_power"')
        self.assert_fails_naming("china_iso_secretariats_2019", "not a key of kIndicators")

    def test_a_broken_lever_chain_fails(self):
        self.damage("policy_timeline.json", '"slot": "export_controls.semis", "from": 50',
                    '"slot": "export_controls.semis", "from": 45')
        self.assert_fails_naming("us_export_controls_update_2023", "starts at 45")

    def test_history_must_end_on_the_status_quo_preset(self):
        self.damage("policy_timeline.json", '"slot": "outbound_screening", "from": 0, "to": 40',
                    '"slot": "outbound_screening", "from": 0, "to": 35')
        self.assert_fails_naming("us_outbound_investment_rules_2023", "status_quo_2024 has 40")

    def test_years_outside_the_history_fail(self):
        self.damage("reference_data.json", '"year": 2013', '"year": 2009')
        self.assert_fails_naming("china_green_share_hightech_rnd_2013", "2010..2024")

    def test_an_assumed_year_needs_a_note(self):
        self.damage("policy_timeline.json",
                    '"year_note": "The seeds say coverage expanded but not when; 2018 (the year the FDI fall begins in 002:L14) is an assumption.",',
                    "")
        self.assert_fails_naming("us_inbound_screening_expansion_2018", "needs a 'year_note'")


if __name__ == "__main__":
    unittest.main()
