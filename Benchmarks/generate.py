#!/usr/bin/env python3
"""Deterministic, seeded journal corpora for `make bench`.

    python3 Benchmarks/generate.py typical|heavy|lifetime|realistic|all [--out Benchmarks/corpora] [--seed N]

Writes `<out>/<size>/journal.yml` and one entry a day under `entries/YYYY/MM/`. Every corpus
ends on AS_OF - 1 day, so one fixed `--as-of` serves them all. The same seed always gives the
same bytes (no set or dict iteration reaches the output, no clock, no hash randomisation).

The markdown is what a manager actually writes: front matter, headings, prose with emphasis,
links and code spans, nested lists, and commitments in every syntax docs/FORMAT.md accepts,
with follow-ups in later entries that link back by slug or explicit id.
"""
import argparse
import datetime
import os
import random
import sys

AS_OF = datetime.date(2026, 11, 28)

SIZES = {
    # name: (files, target words per entry, seed)
    "typical": (3650, 250, 6001),
    "heavy": (3650, 750, 6002),
    "lifetime": (36500, 250, 6003),
    # Like real vaults: most days are prose with no commitment; about a quarter hold tasks.
    "realistic": (3650, 250, 6004),
}
# realistic: the share of days with commitments (real vaults: 13-40% of notes hold tasks), and
# of the other days, the share with a shopping-list task that is not a commitment in tagged mode.
REALISTIC_COMMITMENT_DAYS = 0.25
REALISTIC_PLAIN_TASK_DAYS = 0.15

PEOPLE = ["ana", "tom", "li", "maria", "priya", "dana", "omar", "sven", "keiko", "lucas", "fatima", "jon"]
TAGS = ["coaching", "pipeline", "forecast", "recognition", "hiring", "crm", "trust", "prep", "renewals",
        "team/sales", "q4", "deals_won", "onboarding", "pricing", "resources"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "mon", "tue", "wed", "thurs", "fri"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]

# Commitment openings: at least five plain words, so the slug never reaches into fields.
VERBS = ["Send", "Call", "Draft", "Book", "Review", "Share", "Prepare", "Schedule", "Write", "Fix",
         "Update", "Recognise", "Thank", "Plan", "Check", "Ask", "Follow", "Shadow", "Coach", "Clean"]
OBJECTS = ["the pricing deck for the", "the forecast sheet before the", "a ride along with the",
           "the territory map and the", "notes from the QBR with", "the renewal plan ahead of",
           "the pipeline review agenda for", "the objection handling workshop for", "the hiring plan for the",
           "the onboarding checklist for the", "the CRM hygiene rules with", "the weekly report template for",
           "the discount approval process with", "the call recordings from last", "the account plan for the"]
TAILS = ["Kessler account", "Harbor Foods expansion", "Brightline renewal", "northeast team", "new hires",
         "quarterly business review", "regional offsite", "finance partners", "enterprise segment",
         "channel partners", "product marketing team", "customer success handover"]

WORDS = ("the team call customer pipeline forecast deal renewal quarter meeting coaching feedback account "
         "territory pricing discount demo proposal contract signature week month plan notes follow honest "
         "numbers trust listen question answer objection close stage commit best case upside risk margin "
         "quota target ramp hire interview role shadow ride along prep agenda recap email slack channel "
         "manager rep director finance legal procurement champion budget timeline decision process "
         "competitor story win loss lesson habit energy focus priority calendar block morning afternoon "
         "evening travel visit office remote workshop training course practice role-play script "
         "discovery qualification value outcome").split()
EXPECTATIONS = ["Everyone logs calls in the CRM the same day", "Forecast calls are in by Thursday noon",
                "Plan every first call on paper", "Bring one lost deal to the team meeting each month",
                "Ask for help before a deal slips a stage", "Update next steps after every customer call"]
FOLLOW_NOTES = ["done, notes in the CRM", "sent it over, she replied the same day", "took longer than I hoped",
                "booked and confirmed", "talked it through at our one-on-one", "half done, the rest this week",
                "not needed any more after the reorg", "finally, and it helped", "started on it",
                "still waiting on finance", "dropped it, the customer moved on"]


class Corpus:
    def __init__(self, size, out, seed=None):
        files, words, default_seed = SIZES[size]
        self.size = size
        self.files = files
        self.words = words
        self.rng = random.Random(default_seed if seed is None else seed)
        self.root = os.path.join(out, size)
        self.start = AS_OF - datetime.timedelta(days=files)
        # Commitments that later entries may follow up: (made date, stem, relative path, id).
        self.recent = []
        self.stats = {"entries": 0, "commitments": 0, "follow_ups": 0, "expectations": 0, "bytes": 0, "words": 0}

    # ---- text pieces -------------------------------------------------------------------------

    def prose_word(self):
        return self.rng.choice(WORDS)

    def sentence(self):
        rng = self.rng
        words = [self.prose_word() for _ in range(rng.randint(8, 18))]
        roll = rng.random()
        i = rng.randrange(1, len(words) - 1)
        if roll < 0.15:
            words[i] = "*%s*" % words[i]
        elif roll < 0.25:
            words[i] = "**%s %s**" % (words[i], words[i + 1])
            del words[i + 1]
        elif roll < 0.33:
            words[i] = "`%s_%s`" % (words[i], rng.randint(1, 99))
        elif roll < 0.40:
            words[i] = "[%s](https://crm.example.com/%s/%d)" % (words[i], rng.choice(WORDS), rng.randint(1, 9999))
        elif roll < 0.46:
            words[i] = "@" + rng.choice(PEOPLE)
        elif roll < 0.50:
            words[i] = "#" + rng.choice(TAGS)
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])

    def paragraph(self, sentences=None):
        count = sentences or self.rng.randint(2, 5)
        text = " ".join(self.sentence() for _ in range(count))
        # Hard-wrap some paragraphs, as editors with a fill column do.
        if self.rng.random() < 0.3:
            words, lines, line = text.split(" "), [], []
            for word in words:
                line.append(word)
                if sum(len(w) + 1 for w in line) > 80:
                    lines.append(" ".join(line))
                    line = []
            if line:
                lines.append(" ".join(line))
            text = "\n".join(lines)
        return text

    def nested_list(self):
        rng = self.rng
        lines = []
        for _ in range(rng.randint(2, 4)):
            bullet = rng.choice(["-", "*", "+"])
            lines.append("%s %s" % (bullet, self.sentence()))
            for _ in range(rng.randint(0, 2)):
                lines.append("  - %s" % self.sentence())
                if rng.random() < 0.3:
                    lines.append("    1. %s" % self.sentence())
        return "\n".join(lines)

    def date_phrase(self, day):
        rng = self.rng
        kind = rng.randrange(9)
        if kind == 0:
            return "by " + rng.choice(WEEKDAYS)
        if kind == 1:
            return "in %d days" % rng.randint(1, 10)
        if kind == 2:
            return "in %d weeks" % rng.randint(1, 3)
        if kind == 3:
            target = day + datetime.timedelta(days=rng.randint(3, 40))
            return rng.choice(["by %s %d", "by %s %dth"]) % (rng.choice([MONTHS, MONTHS_LONG])[target.month - 1],
                                                              target.day) if target.day > 3 else \
                "by %s %d" % (MONTHS[target.month - 1], target.day)
        if kind == 4:
            return rng.choice(["by end of month", "by EOM"])
        if kind == 5:
            return rng.choice(["by end of week", "by EOW"])
        if kind == 6:
            return "by next week"
        if kind == 7:
            return rng.choice(["tomorrow", "by tomorrow", "by EOD"])
        return "by " + (day + datetime.timedelta(days=rng.randint(2, 30))).isoformat()

    # ---- commitments -------------------------------------------------------------------------

    def commitment(self, day, explicit_ids, in_heading):
        """One commitment's markdown line (without indentation or bullet) and its display text."""
        rng = self.rng
        person = rng.choice(PEOPLE)
        opening = "%s @%s %s" % (rng.choice(VERBS), person, rng.choice(OBJECTS))
        display = [opening, rng.choice(TAILS)]
        markdown = list(display)
        if rng.random() < 0.25:
            extra = rng.choice(["*before the review*", "`Q%d` numbers" % rng.randint(1, 4),
                                "[brief](https://wiki.example.com/brief)", "**properly** this time"])
            markdown.append(extra)
            display.append(extra.replace("*", "").replace("`", "").replace("(https://wiki.example.com/brief)", "")
                           .replace("[", "").replace("]", ""))
        # Due date, in one of the five ways the format accepts (or none).
        due_kind = rng.choices(["none", "field", "calendar", "dataview", "phrase"], [2, 2, 2, 1, 4])[0]
        fields = []
        due = day + datetime.timedelta(days=rng.randint(1, 21))
        if due_kind == "phrase":
            phrase = self.date_phrase(day)
            markdown.append(phrase)
            display.append(phrase)
        elif due_kind == "field":
            fields.append("due:%s" % due.isoformat())
        elif due_kind == "calendar":
            fields.append("📅 %s" % due.isoformat())
        elif due_kind == "dataview":
            fields.append("[due:: %s]" % due.isoformat())
        tags = []
        if not in_heading or rng.random() < 0.2:
            tags.append("#commit")
        for tag in rng.sample(TAGS, rng.randint(0, 2)):
            tags.append("#" + tag)
        markdown += tags
        display += tags
        # Box and in-place outcome.
        state = rng.choices(["open", "none", "done", "done-dated", "released", "cancelled"], [10, 3, 2, 2, 1, 1])[0]
        if in_heading and state == "none":
            state = "open"
        box = {"open": "[ ] ", "none": "", "done": "[x] ", "done-dated": "[x] ", "released": "[-] ",
               "cancelled": "[ ] "}[state]
        if state == "done-dated":
            fields.append("✅ %s" % (day + datetime.timedelta(days=rng.randint(0, 3))).isoformat())
        if state == "cancelled":
            fields.append("❌ %s" % (day + datetime.timedelta(days=rng.randint(1, 5))).isoformat())
        explicit = None
        id_kind = rng.choices(["slug", "block", "emoji"], [6, 2, 1])[0]
        if id_kind != "slug":
            explicit = "%s-%d" % (person, len(explicit_ids) + 1)
            explicit_ids.append(explicit)
        line = box + " ".join(markdown)
        if fields:
            line += " " + " ".join(fields)
        if id_kind == "emoji":
            line += " 🆔 " + explicit
        elif id_kind == "block":
            line += " ^" + explicit
        followable = state in ("open", "none")
        return line, " ".join(display), explicit, followable

    @staticmethod
    def slug(text):
        words, current = [], ""
        for ch in text.lower():
            if ch.isalnum():
                current += ch
            elif current:
                words.append(current)
                current = ""
                if len(words) == 5:
                    break
        if current and len(words) < 5:
            words.append(current)
        return "-".join(words) if words else "item"

    # ---- follow-ups --------------------------------------------------------------------------

    def follow_up(self, day, folder, target):
        rng = self.rng
        made, stem, path, ident, explicit = target
        # A follow-up always starts with a box (a plain bullet linking to an entry is a note).
        box = rng.choices(["[x]", "[>]", "[/]", "[-]", "[ ]"], [6, 3, 2, 1, 2])[0]
        fragment = ("^" + ident) if (explicit and rng.random() < 0.7) or rng.random() < 0.15 else ident
        form = rng.randrange(4)
        label = rng.choice(["The %s" % rng.choice(TAILS), "What I promised %s" % rng.choice(PEOPLE).title(),
                            "My %s" % rng.choice(WORDS)])
        if form == 0:
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            link = "[%s](%s#%s)" % (label, rel, fragment)
        elif form == 1:
            link = "[%s](%s.md#%s)" % (label, stem, fragment)
        elif form == 2:
            link = "[[%s#%s]]" % (stem, fragment)
        else:
            link = "[[%s#%s|%s]]" % (path[:-3] if rng.random() < 0.5 else path, fragment, label.lower())
        note = rng.choice(FOLLOW_NOTES)
        extra = ""
        if box == "[x]" and rng.random() < 0.3:
            done = made + datetime.timedelta(days=rng.randint(1, max(1, (day - made).days)))
            extra = " ✅ " + min(done, day).isoformat()
        elif box == "[>]":
            new_due = day + datetime.timedelta(days=rng.randint(3, 21))
            if rng.random() < 0.5:
                extra = " due:" + new_due.isoformat()
            else:
                note += ", now by %s %d" % (MONTHS[new_due.month - 1], new_due.day)
        prefix = (box + " ") if box else ""
        return "%s%s %s%s" % (prefix, link, note, extra)

    # ---- entries -----------------------------------------------------------------------------

    def entry(self, index):
        rng = self.rng
        day = self.start + datetime.timedelta(days=index)
        folder = "entries/%04d/%02d" % (day.year, day.month)
        stem = day.isoformat()
        template = "daily"
        if day.weekday() == 0:
            stem += "-weekly-mirror"
            template = "weekly-mirror"
        elif rng.random() < 0.2:
            person = rng.choice(PEOPLE)
            stem += "-one-on-one-" + person
            template = "one-on-one"
        path = "%s/%s.md" % (folder, stem)

        parts = []
        if rng.random() < 0.85:
            people = rng.sample(PEOPLE, rng.randint(0, 3))
            tags = rng.sample(TAGS, rng.randint(0, 3))
            fm = ["---", "template: %s" % template, "title: \"%s\"" % self.sentence().rstrip(".?!"),
                  "tags: [%s]" % ", ".join(tags), "people: [%s]" % ", ".join(people)]
            if rng.random() < 0.5:
                fm.append("date: %s" % day.isoformat())
            fm.append("---")
            parts.append("\n".join(fm))
        parts.append("# %s" % self.sentence().rstrip(".?!"))

        # realistic: most days hold prose only (no follow-up, no commitment, no expectation).
        prose_day = self.size == "realistic" and rng.random() >= REALISTIC_COMMITMENT_DAYS

        # Follow-ups on earlier commitments, after realistic gaps.
        follow_count = 0 if prose_day else rng.choices([0, 1, 2, 3], [3, 4, 3, 2])[0]
        candidates = [c for c in self.recent if (day - c[0]).days >= 1]
        follows = []
        for _ in range(follow_count):
            if not candidates:
                break
            # Mostly within a week or two, sometimes a month late.
            gap = min(int(rng.expovariate(1 / 7.0)) + 1, 35)
            best = min(candidates, key=lambda c: (abs((day - c[0]).days - gap), c[1], c[3]))
            candidates.remove(best)
            self.recent.remove(best)
            follows.append(self.follow_up(day, folder, best))
        if follows:
            parts.append(rng.choice(["## Last week's promises", "## Follow-through", "## Promises I made"]))
            parts.append("\n".join("- " + f for f in follows))
            self.stats["follow_ups"] += len(follows)

        # Commitments: some tagged in the prose, the rest as tasks under '## Commitments'.
        commit_count = 0 if prose_day else rng.choices([1, 2, 3, 4], [3, 4, 3, 2])[0]
        explicit_ids = []
        made = []  # (display, explicit, followable)
        tagged_lines, heading_lines = [], []
        for n in range(commit_count):
            in_heading = rng.random() < 0.55
            line, display, explicit, followable = self.commitment(day, explicit_ids, in_heading)
            if in_heading:
                # Sometimes a nested task under the previous one.
                indent = "  - " if heading_lines and rng.random() < 0.25 else "- "
                heading_lines.append(indent + line)
            else:
                bullet = rng.choice(["- ", "* ", "1. "])
                tagged_lines.append(bullet + line)
            made.append((display, explicit, followable))
        self.stats["commitments"] += commit_count

        body_words = sum(len(p.split()) for p in parts) + sum(len(l.split()) for l in tagged_lines + heading_lines)
        # Minus the typical overshoot of the last block and the sections added after it.
        target = int(self.words * rng.uniform(0.85, 1.15)) - 35
        prose = []
        while body_words < target:
            roll = rng.random()
            if roll < 0.12:
                block = "## " + self.sentence().rstrip(".?!")
            elif roll < 0.27:
                block = self.nested_list()
            elif roll < 0.30:
                block = "> " + self.sentence()
            elif roll < 0.32:
                block = "```\n- [ ] not a commitment in code #commit\nconfig_%d: true\n```" % rng.randint(1, 99)
            else:
                block = self.paragraph()
            prose.append(block)
            body_words += len(block.split())
        if prose_day and rng.random() < REALISTIC_PLAIN_TASK_DAYS:
            # A to-do list that is not a commitment in tagged mode (no tag, no commitment heading).
            prose.append("\n".join("- [%s] %s" % (rng.choice([" ", " ", "x"]), self.sentence().rstrip(".?!")
                                                   .replace("#", "").replace("@", ""))
                                    for _ in range(rng.randint(2, 5))))
        cut = rng.randint(0, len(prose))
        parts += prose[:cut]
        if tagged_lines:
            parts.append("\n".join(tagged_lines))
        parts += prose[cut:]
        if not prose_day and rng.random() < 0.2:
            parts.append("## What I expect of the team")
            parts.append("- %s #expect #%s @%s" % (rng.choice(EXPECTATIONS), rng.choice(TAGS), rng.choice(PEOPLE)))
            self.stats["expectations"] += 1
        if heading_lines:
            parts.append(rng.choice(["## Commitments", "## Commitments:", "### commitments"]))
            parts.append("\n".join(heading_lines))

        # Ids as EntryParser assigns them: explicit ids reserved first, then slugs with -2, -3.
        used = list(explicit_ids)
        for display, explicit, followable in made:
            ident = explicit
            if ident is None:
                base = ident = self.slug(display)
                suffix = 2
                while ident in used:
                    ident = "%s-%d" % (base, suffix)
                    suffix += 1
                used.append(ident)
            if followable and rng.random() < 0.7:
                self.recent.append((day, stem, path, ident, explicit is not None))
        # Commitments nobody followed up within five weeks are left to go stale.
        self.recent = [c for c in self.recent if (day - c[0]).days <= 35]

        text = "\n\n".join(parts) + "\n"
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = text.encode("utf-8")
        with open(full, "wb") as handle:
            handle.write(data)
        self.stats["entries"] += 1
        self.stats["bytes"] += len(data)
        self.stats["words"] += len(text.split())

    def write(self):
        os.makedirs(self.root, exist_ok=True)
        with open(os.path.join(self.root, "journal.yml"), "w") as handle:
            handle.write("# Generated by Benchmarks/generate.py (%s); never edit by hand.\n" % self.size)
            handle.write("stale-after-days: 14\n")
        for index in range(self.files):
            self.entry(index)
        s = self.stats
        print("%s: %d entries, %d commitments, %d follow-ups, %d expectations, %.1f MB, %d words/entry"
              % (self.size, s["entries"], s["commitments"], s["follow_ups"], s["expectations"],
                 s["bytes"] / 1e6, s["words"] // max(1, s["entries"])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES) + ["all"])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpora"))
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    for size in (sorted(SIZES) if args.size == "all" else [args.size]):
        root = os.path.join(args.out, size)
        if os.path.exists(root) and os.listdir(root):
            sys.exit("generate.py: %s exists and is not empty; remove it first" % root)
        Corpus(size, args.out, args.seed).write()


if __name__ == "__main__":
    main()
