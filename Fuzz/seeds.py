#!/usr/bin/env python3
"""Seeds for LoadPathFuzzer: issue 10's worst shapes at the fuzzer's 256 KiB limit.

The item scanner's known quadratic shapes (issue 11 makes them linear) are seeded at 4 KiB, so
the run starts; mutations that grow them are what the per-input time limit is there to catch.
Writes one file per shape into the folder given as the first argument.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Benchmarks"))
import pathological_cases  # noqa: E402

QUADRATIC_TODAY = {"j-wiki-link-openers", "j-dataview-never-closed", "j-distinct-tags", "j-distinct-people"}

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
large = pathological_cases.journal_cases(256 * 1024 - 1024)
small = pathological_cases.journal_cases(4 * 1024)
for name in large:
    text = small[name] if name in QUADRATIC_TODAY else large[name]
    with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
two = (
    "---\npeople: [ana]\n---\n# Commitments\n\n- [ ] Call @ana by Friday #commit 🆔 call\n"
    "- [ ] Send the deck due:2026-11-25 #commit\n- [ ] Ask @li what they expect #expect #crm\n"
    "\n=====\n- [x] [[2026-11-20#call]] done yesterday\n- [>] [[2026-11-20#send-the-deck]] by Dec 4\n"
    "- [-] [[2026-11-20#unknown]] dropped it\n"
)
with open(os.path.join(folder, "two-entries.md"), "w", encoding="utf-8") as f:
    f.write(two)
