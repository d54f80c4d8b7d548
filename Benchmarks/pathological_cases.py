#!/usr/bin/env python3
"""The inputs of cmark 0.31's test/pathological_tests.py, plus the cases issue 5 names, plus
journal's own worst shapes of issue 10 at the 2 MiB cap (`JOURNAL_CASES`).

Writes one `<name>.md` per case into the folder given as the first argument.
Sizes match cmark 0.31; PathologicalInputTests.swift builds the same strings, and
BoundedWorkTests.swift and LinearTimeTests.swift the issue 10 shapes at 256 KiB.
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

def journal_cases(cap):
    """journal's own worst shapes (issue 10), each about `cap` bytes."""

    def fill(unit, prefix="- [ ] x ", suffix=" #commit\n"):
        return prefix + unit * ((cap - len(prefix) - len(suffix)) // len(unit.encode())) + suffix

    def lines(make):
        out, size, index = [], 0, 0
        while size < cap:
            line = make(index)
            out.append(line)
            size += len(line.encode())
            index += 1
        return "".join(out[:-1])

    def distinct(sigil):
        return "- [ ] x" + lines(lambda i: " %sn%d" % (sigil, i)) + " #commit\n"

    return {
        "j-wiki-link-openers": fill("[["),
        "j-dataview-never-closed": fill("[due:: "),
        "j-emoji-fields-no-values": fill("📅 ✅ 🆔 "),
        "j-distinct-tags": distinct("#"),
        "j-distinct-people": distinct("@"),
        "j-markdown-links": fill("[a](b) "),
        "j-identical-items": lines(lambda i: "- [ ] same #commit\n"),
        "j-duplicate-ids": lines(lambda i: "- [ ] x #commit ^dup\n"),
        "j-date-phrases": fill("by next end of the q1 fiscal week 12/ on friday in 3 "),
        "j-front-matter-keys": "---\n" + lines(lambda i: "key%d: value %d\n" % (i, i)) + "---\n- [ ] x #commit\n",
        "j-front-matter-billion-laughs": "---\n" + billion_laughs() + "tags: *j\n---\n- [ ] x #commit\n",
        "j-front-matter-alias-key": "---\n" + billion_laughs() + "? *j\n: boom\n---\n- [ ] x #commit\n",
        "j-front-matter-flow-nesting": "---\ntags: " + "[" * (cap // 2 - 16) + "]" * (cap // 2 - 16) + "\n---\n",
        "j-unknown-references": "- [ ] Call ana #commit\n"
        + lines(lambda i: "- [x] [[2026-11-27#unknown-%d]] done\n" % i),
        "j-unknown-entries": lines(lambda i: "- [x] [[2026-11-%02d-x%d#a]] done\n" % (1 + i % 26, i)),
    }


def billion_laughs():
    names = "abcdefghij"
    yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for previous, name in zip(names, names[1:]):
        yaml += "%s: &%s [%s]\n" % (name, name, ", ".join(["*" + previous] * 10))
    return yaml


# Just under max-entry-bytes (2 MiB), so the file is parsed rather than refused for its size.
JOURNAL_CASES = journal_cases(2 * 1024 * 1024 - 1024)

if __name__ == "__main__":
    CASES.update(JOURNAL_CASES)
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, text in CASES.items():
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
