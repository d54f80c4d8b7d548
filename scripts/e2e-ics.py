#!/usr/bin/env python3
"""`journal export ics` read back by a real iCalendar parser (issue 14, section 3).

Usage: .build/venv-ics/bin/python scripts/e2e-ics.py .build/debug/journal

`make ics-venv` creates the virtualenv with Python's `icalendar` from PyPI. The script writes a
fixture journal with hostile text into a temporary folder, exports it, and checks with
`icalendar`: every event's date against the review's JSON, the UIDs across two exports and after
a follow-up is added (same UID, SEQUENCE one higher), the escaping of commas, semicolons,
backslashes, line breaks, control characters, `<script>` and U+202E, and which commitments are
in the calendar. On the raw bytes (parsers unfold leniently) it checks CRLF, the 75-octet fold
never inside a UTF-8 character, and that two exports are byte-identical. It does the same for
journal-example, and checks that no export changed a file of either journal. Exit 0 when every
check passes; 1 with one line per failure.
"""

import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import icalendar

AS_OF = "2026-11-27"
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(binary, arguments, home):
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "TERM": "dumb",
        "JOURNAL_TODAY": AS_OF,
    }
    result = subprocess.run([binary] + arguments, env=environment, capture_output=True, cwd=home)
    return result.returncode, result.stdout, result.stderr.decode("utf-8", "replace")


def snapshot(root):
    """Every file, folder and link under root, with its mode and the digest of its bytes."""
    state = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if os.path.islink(path):
                what = "link " + os.readlink(path)
            elif os.path.isdir(path):
                what = "folder"
            else:
                with open(path, "rb") as handle:
                    what = "file " + hashlib.sha256(handle.read()).hexdigest()
            state[os.path.relpath(path, root)] = (what, info.st_mode, info.st_mtime_ns)
    return state


def export(binary, journal, home, extra=()):
    """Exports and checks the raw bytes; returns them. No file of the journal may change."""
    before = snapshot(journal)
    arguments = ["export", "ics", "--journal", journal, "--as-of", AS_OF] + list(extra)
    status, output, errors = run(binary, arguments, home)
    check(status == 0, f"{arguments}: exit {status}, stderr {errors!r}")
    check(snapshot(journal) == before, f"{arguments}: the export changed files in {journal}")
    check_bytes(output, " ".join(arguments))
    return output


def check_bytes(data, what):
    check(data.endswith(b"\r\n"), f"{what}: does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    check(b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines), f"{what}: a bare CR or LF")
    for number, line in enumerate(lines, 1):
        check(len(line) <= 75, f"{what}: line {number} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{what}: line {number} is cut inside a UTF-8 character: {line!r}")
        if number > 1 and line.startswith(b" "):
            # The fold may not separate a backslash from what it escapes.
            previous = lines[number - 2]
            trailing = len(previous) - len(previous.rstrip(b"\\"))
            check(trailing % 2 == 0, f"{what}: line {number - 1} ends inside an escape")
    for control in set(range(0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}:
        check(bytes([control]) not in data, f"{what}: raw control 0x{control:02X}")
    for bidi in ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]:
        check(bidi.encode() not in data, f"{what}: raw bidi control U+{ord(bidi):04X}")


def events(data):
    calendar = icalendar.Calendar.from_ical(data)
    check(str(calendar.get("VERSION")) == "2.0", "VERSION is not 2.0")
    check(str(calendar.get("CALSCALE")) == "GREGORIAN", "CALSCALE is not GREGORIAN")
    check(bool(calendar.get("PRODID")), "no PRODID")
    return list(calendar.walk("VEVENT"))


def reference_of(event):
    for line in str(event.get("DESCRIPTION")).split("\n"):
        if line.startswith("Reference: "):
            return line[len("Reference: "):]
    failures.append(f"{event.get('UID')}: no Reference line in DESCRIPTION")
    return ""


def commitments(binary, journal, home):
    status, output, errors = run(binary, ["list", "--journal", journal, "--as-of", AS_OF, "--format", "json"], home)
    check(status == 0, f"list --format json: exit {status}, {errors!r}")
    return {c["ref"]: c for c in json.loads(output)}


def check_events(found, known, name, wanted):
    """Every event on its commitment's due date, the next day as DTEND, the UID from the reference."""
    seen = set()
    for event in found:
        reference = reference_of(event)
        commitment = known.get(reference)
        check(commitment is not None, f"{name}: event for unknown commitment {reference!r}")
        if commitment is None:
            continue
        seen.add(reference)
        due = datetime.date.fromisoformat(commitment["due"])
        start = event.decoded("DTSTART")
        check(start == due and not isinstance(start, datetime.datetime), f"{reference}: DTSTART {start}, due {due}")
        check(event.decoded("DTEND") == due + datetime.timedelta(days=1), f"{reference}: DTEND is not the next day")
        digest = hashlib.sha256(f"{reference}@{name}".encode()).hexdigest()[:32]
        check(str(event.get("UID")) == digest + "@journal", f"{reference}: UID {event.get('UID')}")
        check(event.decoded("DTSTAMP") == datetime.datetime(2026, 11, 27, tzinfo=datetime.timezone.utc),
              f"{reference}: DTSTAMP {event.decoded('DTSTAMP')}")
        decided = commitment["status"] in ("kept", "released")
        check(str(event.get("STATUS")) == ("CANCELLED" if decided else "CONFIRMED"), f"{reference}: STATUS")
        summary = str(event.get("SUMMARY"))
        text = calendar_text(commitment["text"])
        check(summary.endswith(": " + text) if decided else summary == text,
              f"{reference}: SUMMARY {summary!r}")
        alarms = list(event.walk("VALARM"))
        if commitment["status"] == "open":
            check(len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -datetime.timedelta(hours=15),
                  f"{reference}: no reminder at 09:00 the day before")
        else:
            check(not alarms, f"{reference}: a reminder on a {commitment['status']} commitment")
    check(seen == wanted, f"{name}: events for {sorted(seen ^ wanted)} differ from the selection rule")
    check(len(found) == len(seen), f"{name}: {len(found)} events for {len(seen)} commitments")


def calendar_text(text):
    """The rule for text in the calendar, restated: controls but tab removed, bidi shown escaped."""
    result = ""
    for c in text:
        if 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069:
            result += "\\u{%X}" % ord(c)
        elif c == "\t" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F):
            result += c
    return result


def selected(known):
    """The selection rule, restated: open and missed with a due date, decided in the last 30 days."""
    as_of = datetime.date.fromisoformat(AS_OF)
    result = set()
    for reference, c in known.items():
        if c["due"] is None:
            continue
        if c["status"] in ("open", "missed"):
            result.add(reference)
        elif c["status"] in ("kept", "released"):
            day = c["doneOn"] if c["status"] == "kept" else c["releasedOn"]
            day = datetime.date.fromisoformat(day or c["due"])
            if (as_of - day).days <= 30:
                result.add(reference)
    return result


HOSTILE = """---
template: weekly-mirror
---
# Weekly mirror

## Commitments
- [ ] Send @ana the deck, the pricing; and the C:\\\\deals\\\\ table by 2026-11-30 #pipeline
- [ ] Review &lt;script&gt;alert(1)&lt;/script&gt; and `"><img onerror=x>` with @tom 📅 2026-12-04
- [ ] Bidi \u202etxt.exe\u202c check with @li 📅 2026-12-02
- [ ] Control \x07 bell \x1b[31m red\x7f and\ttab 📅 2026-12-03
- [ ] Long 日本語のテキストと絵文字👩‍👩‍👧‍👦を含む長い行です。 """ + "多言語テキスト🎉é" * 12 + """ 📅 2026-12-05
- [x] Kept recently 📅 2026-11-20 ✅ 2026-11-19
- [-] Released recently 📅 2026-11-25 ❌ 2026-11-24
- [ ] Missed it 📅 2026-11-10
- [ ] No due date at all
"""


def hostile(binary, base):
    journal = os.path.join(base, "coaching")
    home = os.path.join(base, "home")
    os.makedirs(os.path.join(journal, "entries/2026/11"))
    os.makedirs(os.path.join(journal, "entries/2026/08"))
    os.makedirs(home)
    with open(os.path.join(journal, "journal.yml"), "w") as handle:
        handle.write("# coaching journal\n")
    with open(os.path.join(journal, "entries/2026/11/2026-11-02-weekly-mirror.md"), "w") as handle:
        handle.write(HOSTILE)
    with open(os.path.join(journal, "entries/2026/08/2026-08-20.md"), "w") as handle:
        handle.write("- [x] Kept long ago #commit 📅 2026-09-01 ✅ 2026-08-30\n")

    first = export(binary, journal, home)
    check(export(binary, journal, home) == first, "hostile: two exports differ")
    known = commitments(binary, journal, home)
    found = events(first)
    check_events(found, known, "coaching", selected(known))
    by_reference = {reference_of(e): e for e in found}

    deck = by_reference.get("2026-11-02-weekly-mirror#send-ana-the-deck-the")
    check(deck is not None and str(deck.get("SUMMARY"))
          == "Send @ana the deck, the pricing; and the C:\\deals\\ table by 2026-11-30 #pipeline",
          "commas, semicolons and backslashes do not round-trip")
    raw = first.decode()
    check("deck\\, the pricing\\; and the C:\\\\deals\\\\ table" in raw, "commas, semicolons, backslashes not escaped")
    check("\\nDue: " in raw, "the DESCRIPTION's line breaks are not written as \\n")
    check(deck is not None and "\nPeople: @ana\n" in str(deck.get("DESCRIPTION")), "DESCRIPTION lines do not round-trip")

    script = [e for r, e in by_reference.items() if "script" in r]
    check(len(script) == 1 and str(script[0].get("SUMMARY"))
          == "Review <script>alert(1)</script> and \"><img onerror=x> with @tom", "<script> text does not round-trip")

    bidi = [e for r, e in by_reference.items() if r.startswith("2026-11-02-weekly-mirror#bidi")]
    check(len(bidi) == 1 and str(bidi[0].get("SUMMARY")) == "Bidi \\u{202E}txt.exe\\u{202C} check with @li",
          f"U+202E is not shown escaped: {[str(e.get('SUMMARY')) for e in bidi]!r}")

    control = [e for r, e in by_reference.items() if r.startswith("2026-11-02-weekly-mirror#control")]
    check(len(control) == 1 and str(control[0].get("SUMMARY")) == "Control  bell [31m red and tab",
          f"control characters are not removed: {[str(e.get('SUMMARY')) for e in control]!r}")

    for event in found:
        for key in ("SUMMARY", "DESCRIPTION"):
            value = str(event.get(key))
            check(not any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in value),
                  f"{key} holds a control character: {value!r}")
            check(not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in value),
                  f"{key} holds a bidi control: {value!r}")

    long = [e for r, e in by_reference.items() if r.startswith("2026-11-02-weekly-mirror#long")]
    check(len(long) == 1 and str(long[0].get("SUMMARY")).endswith("多言語テキスト🎉é" * 12),
          "the long multibyte line does not unfold to its text")
    summary_lines = [line for line in first.split(b"\r\n") if "テキスト".encode() in line]
    check(len(summary_lines) >= 6, "the long multibyte SUMMARY is not folded over several lines")
    check(any(len(line) in (73, 74, 75) for line in summary_lines), "folds do not fill lines to near 75 octets")

    kept = [r for r in by_reference if r.endswith("#kept-recently")]
    check(len(kept) == 1 and str(by_reference[kept[0]].get("SUMMARY")) == "Kept on time: Kept recently",
          "a commitment kept lately is not a cancelled event with its outcome in the summary")
    check(not any(r.endswith("#kept-long-ago-commit") for r in by_reference), "a commitment kept long ago is exported")
    check(not any(r.endswith("#no-due-date-at-all") for r in by_reference), "a commitment with no due date is exported")
    everything = events(export(binary, journal, home, ["--all"]))
    check(any(reference_of(e).endswith("#kept-long-ago-commit") for e in everything), "--all leaves out old ones")
    quiet = events(export(binary, journal, home, ["--alarm", "none"]))
    check(not any(e.walk("VALARM") for e in quiet), "--alarm none still has reminders")
    early = events(export(binary, journal, home, ["--alarm", "P2D"]))
    triggers = {a.decoded("TRIGGER") for e in early for a in e.walk("VALARM")}
    check(triggers == {-datetime.timedelta(days=2)}, f"--alarm P2D gives {triggers}")
    status, output, errors = run(binary, ["export", "ics", "--journal", journal, "--alarm", "P1M"], home)
    check(status == 2 and output == b"" and "--alarm" in errors, f"--alarm P1M: exit {status}, {errors!r}")
    ana = events(export(binary, journal, home, ["--person", "ana"]))
    check([reference_of(e) for e in ana] == ["2026-11-02-weekly-mirror#send-ana-the-deck-the"], "--person ana")

    # A follow-up: the same UID, SEQUENCE one higher, nothing else renumbered.
    with open(os.path.join(journal, "entries/2026/11/2026-11-26.md"), "w") as handle:
        handle.write("- [/] [2026-11-02](2026-11-02-weekly-mirror.md#send-ana-the-deck-the) first draft done\n")
    after = {reference_of(e): e for e in events(export(binary, journal, home))}
    check(set(after) == set(by_reference), "a follow-up changed which events are exported")
    for reference, event in by_reference.items():
        later = after.get(reference)
        if later is None:
            continue
        check(str(later.get("UID")) == str(event.get("UID")), f"{reference}: UID changed after a follow-up")
        grown = 1 if reference.endswith("#send-ana-the-deck-the") else 0
        check(int(later.get("SEQUENCE")) == int(event.get("SEQUENCE")) + grown,
              f"{reference}: SEQUENCE {event.get('SEQUENCE')} → {later.get('SEQUENCE')}, expected +{grown}")


def example(binary, base):
    home = os.path.join(base, "example-home")
    os.makedirs(home)
    journal = os.path.join(REPOSITORY, "journal-example")
    first = export(binary, journal, home)
    check(export(binary, journal, home) == first, "journal-example: two exports differ")
    known = commitments(binary, journal, home)
    check_events(events(first), known, "journal-example", selected(known))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="journal-ics-") as base:
        hostile(binary, base)
        example(binary, base)
    for failure in failures:
        print("e2e-ics: " + failure)
    if not failures:
        print(f"e2e-ics: ok (icalendar {icalendar.__version__})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
