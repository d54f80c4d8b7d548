#!/usr/bin/env python3
"""The inputs of cmark 0.31's test/pathological_tests.py, plus the cases issue 5 names.

Writes one `<name>.md` per case into the folder given as the first argument.
Sizes match cmark 0.31; PathologicalInputTests.swift builds the same strings.
"""
import itertools
import os
import sys


def hash_collisions(count=25000):
    """Reference labels that all land in one bucket of cmark's 16-slot reference map."""
    def badhash(ref):
        h = 0
        for c in ref:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % 16 == 0

    keys = (k for k in ("x%d" % i for i in itertools.count()) if badhash(k))
    collisions = list(itertools.islice(keys, count))
    bad = collisions[0]
    return "".join("[%s]: /url\n\n[%s]\n\n" % (key, bad) for key in collisions[1:])


CASES = {
    "nested-strong-emph": "*a **a " * 32500 + "b" + " a** a*" * 32500,
    "many-emph-closers": "a_ " * 32500,
    "many-emph-openers": "_a " * 32500,
    "many-link-closers": "a]" * 32500,
    "many-link-openers": "[a" * 32500,
    "mismatched-openers-closers": "*a_ " * 25000,
    "issue-389": "*a " * 20000 + "_a*_ " * 20000,
    "openers-closers-multiple-of-3": "a**b" + "c* " * 25000,
    "link-openers-emph-closers": "[ a_" * 25000,
    "pattern-bracket-paren": "[ (](" * 40000,
    "pattern-image-bracket": "![[]()" * 160000,
    "hard-link-emph": "**x [a*b**c*](d)",
    "nested-brackets": "[" * 25000 + "a" + "]" * 25000,
    "nested-block-quotes": "> " * 25000 + "a",
    "deeply-nested-lists": "".join("  " * x + "* a\n" for x in range(500)),
    "nul-in-input": "abc\0de\0",
    "backticks": "".join("e" + "`" * x for x in range(1, 2500)),
    "unclosed-links-a": "[a](<b" * 30000,
    "unclosed-links-b": "[a](b" * 30000,
    "unclosed-comment": "</" + "<!--" * 300000,
    "closing-tag-runs": "</" * 300000,
    "empty-lines-nested-lists": "- " * 30000 + "x" + "\n" * 30000,
    "empty-lines-nested-lists-quote": "> " + "- " * 30000 + "x\n" + ">\n" * 30000,
    "emph-in-deep-quote": ">" * 100000 + "a*" * 100000,
    "reference-collisions": hash_collisions(),
    "many-references": "".join("[%d]: u\n" % x for x in range(1, 5000 * 16)) + "[0] " * 5000,
    "nested-inlines": "*" * 20000 + "a" + "*" * 20000,
}

if __name__ == "__main__":
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, text in CASES.items():
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
