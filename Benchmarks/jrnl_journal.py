#!/usr/bin/env python3
"""Converts a generated corpus into a jrnl journal, for `make bench`'s comparison with jrnl.

    python3 Benchmarks/jrnl_journal.py CORPUS OUT_DIR

Writes OUT_DIR/journal.txt (jrnl's plain-text format: one `[YYYY-MM-DD 09:00] title` line per
entry, then its body) and OUT_DIR/jrnl.yaml, a config naming it, so `jrnl --config-file
OUT_DIR/jrnl.yaml -n 1` and `... --tags` read the same words journal reads. Front matter is
dropped (jrnl has none); the markdown body is kept as written, `#tags` and `@people` included.
"""
import os
import sys


def entries(corpus):
    for folder, dirs, files in os.walk(os.path.join(corpus, "entries")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                yield name[:10], os.path.join(folder, name)


def body(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            text = text[end + 5:]
    return text.strip("\n")


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    journal = os.path.join(out, "journal.txt")
    with open(journal, "w", encoding="utf-8") as handle:
        for day, path in sorted(entries(corpus)):
            with open(path, encoding="utf-8") as entry:
                lines = body(entry.read()).split("\n")
            title = lines[0].lstrip("#").strip() or "Entry"
            # A body line that starts like an entry header would split the entry in jrnl: indent it.
            rest = [(" " + line) if line.startswith("[") else line for line in lines[1:]]
            handle.write("[%s 09:00] %s\n%s\n\n" % (day, title, "\n".join(rest)))
    with open(os.path.join(out, "jrnl.yaml"), "w", encoding="utf-8") as handle:
        handle.write(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
            "indent_character: '|'\njournals:\n  default:\n    journal: %s\nlinewrap: 79\n"
            "tagsymbols: '#@'\ntemplate: false\ntimeformat: '%%Y-%%m-%%d %%H:%%M'\nversion: v4.6\n" % journal)


if __name__ == "__main__":
    main()
