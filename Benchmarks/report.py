#!/usr/bin/env python3
"""Turns bench.sh's raw results into the measured part of BENCHMARKS.md.

Only the text between `<!-- bench:begin -->` and `<!-- bench:end -->` is replaced, so the
hand-written analysis around it survives a re-run. A missing file starts from a skeleton.
"""
import argparse
import json
import os
import platform
import re
import subprocess

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
SIZES = ["typical", "heavy", "lifetime", "realistic"]
ORDER = ["floor", "floor-2t", "review", "check", "list", "new-print", "review-warm", "new-print-warm",
         "jrnl-last", "jrnl-tags", "version"]
LABELS = {
    "floor": "C floor (cmark parse + free, 1 thread)",
    "floor-2t": "C floor, 2 threads",
    "review": "`journal review --format json`",
    "check": "`journal check`",
    "list": "`journal list`",
    "new-print": "`journal new --print`",
    "review-warm": "`journal review --format json`, warm index",
    "new-print-warm": "`journal new --print`, warm index",
    "jrnl-last": "jrnl 4.6 `jrnl -n 1` (load, show one)",
    "jrnl-tags": "jrnl 4.6 `jrnl --tags`",
    "version": "`journal --version`",
}


def run(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
            memory = "%.1f GiB" % (kib / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    swift = run(["swift", "--version"]).splitlines()
    load = ""
    try:
        with open("/proc/loadavg") as handle:
            load = " ".join(handle.read().split()[:3])
    except OSError:
        pass
    return [
        ("CPU", "%s, %s cores (nproc)" % (cpu, run(["nproc"]) or os.cpu_count())),
        ("Memory", memory),
        ("OS", "%s %s" % (platform.system(), platform.release())),
        ("Swift", swift[0] if swift else "unknown"),
        ("libcmark", run(["pkg-config", "--modversion", "libcmark"]) or "unknown"),
        ("hyperfine", run(["hyperfine", "--version"]) or "unknown"),
        ("Load average when the report was written", load),
    ]


def corpus_size(root):
    files = total = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(".md"):
                files += 1
                total += os.path.getsize(os.path.join(folder, name))
    return files, total


def load(results, size):
    path = os.path.join(results, size + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        data = json.load(handle)
    rows = {r["command"]: r for r in data["results"]}
    rss = {}
    rss_path = os.path.join(results, size + "-rss.txt")
    if os.path.exists(rss_path):
        with open(rss_path) as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 2 and parts[1].isdigit():
                    rss[parts[0]] = int(parts[1]) / 1024  # KiB → MiB
    check = ""
    check_path = os.path.join(results, size + "-check.txt")
    if os.path.exists(check_path):
        with open(check_path) as handle:
            check = handle.read().strip()
    return rows, rss, check


def ms(seconds):
    return "%.0f" % (seconds * 1000) if seconds >= 0.1 else "%.1f" % (seconds * 1000)


def measured(args):
    lines = []
    medians = {}
    rss_all = {}
    lines.append("Reproduce with `%s` (corpora are generated on first use into Benchmarks/corpora/, "
                 "which is git-ignored). %d runs per command after one warm-up, page cache warm; "
                 "`--as-of %s`. Times are medians of wall-clock time; ± is the spread "
                 "(min–max) over the runs. Peak RSS is from `/usr/bin/time -f %%M` on one warm run."
                 % (args.command, args.runs, args.as_of))
    lines.append("")
    for size in SIZES:
        loaded = load(args.results, size)
        if loaded is None:
            continue
        rows, rss, check = loaded
        files, total = corpus_size(os.path.join(os.path.dirname(os.path.abspath(args.results)), "corpora", size))
        lines.append("### %s: %d files, %.1f MB" % (size, files, total / 1e6))
        lines.append("")
        if check:
            lines.append("`journal check`: %s" % check)
            lines.append("")
        lines.append("| Command | Median (ms) | min–max (ms) | × floor | CPU (ms) | Peak RSS (MiB) |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        floor = rows.get("floor", {}).get("median")
        for name in ORDER:
            if name not in rows:
                if name == "new-print":
                    lines.append("| %s | pending | | | |" % LABELS[name])
                continue
            r = rows[name]
            medians[(size, name)] = r["median"]
            rss_all[(size, name)] = rss.get(name)
            ratio = "%.2f" % (r["median"] / floor) if floor else ""
            cpu = r.get("user", 0) + r.get("system", 0)
            lines.append("| %s | %s | %s–%s | %s | %s | %s |" % (
                LABELS[name], ms(r["median"]), ms(r["min"]), ms(r["max"]), ratio, ms(cpu),
                "%.1f" % rss[name] if name in rss else ""))
        lines.append("")
    if not any(k[1] == "new-print" for k in medians):
        lines.append("`journal new --print` is **pending**: the release binary has no `new` subcommand yet "
                     "(it is being built under another issue). bench.sh measures it as soon as "
                     "`journal new --help` succeeds.")
        lines.append("")

    # Targets from issue 6.
    lines.append("### Targets")
    lines.append("")
    lines.append("| Target | Measured | Verdict |")
    lines.append("|---|---|---|")

    def verdict(ok):
        return "met" if ok else "**missed**"

    hr, hf = medians.get(("heavy", "review")), medians.get(("heavy", "floor"))
    for size in ["heavy", "realistic"]:
        floor = medians.get((size, "floor"))
        for name in ["review", "check"]:
            value = medians.get((size, name))
            if value and floor:
                lines.append("| %s %s ≤ 1.0× the 1-thread C floor (issue 13) | %s ms vs %s ms = %.2f× | %s |"
                             % (size, name, ms(value), ms(floor), value / floor, verdict(value <= floor)))
    for size, name, limit in [("heavy", "review-warm", 0.2), ("lifetime", "review-warm", 0.3),
                              ("heavy", "new-print-warm", 0.15)]:
        value, floor = medians.get((size, name)), medians.get((size, "floor"))
        if value and floor:
            lines.append("| %s %s ≤ %.2f× the floor (issue 13) | %s ms = %.2f× | %s |"
                         % (size, name, limit, ms(value), value / floor, verdict(value <= limit * floor)))
        elif floor:
            lines.append("| %s %s ≤ %.2f× the floor (issue 13) | not measured (no index in this binary) | pending |"
                         % (size, name, limit))
    lifetime_rss = rss_file(args.results, "lifetime")
    for name in ["review", "check", "list", "new-print"]:
        value = rss_all.get(("lifetime", name)) or lifetime_rss.get(name)
        if value:
            lines.append("| lifetime %s peak RSS ≤ 100 MiB (issue 13) | %.1f MiB | %s |"
                         % (name, value, verdict(value <= 100)))
    fit = rss_fit(args.results)
    for name, (slope, intercept, r2, worst) in sorted(fit.items()):
        lines.append("| %s peak RSS linear in commitments, 1k→36.5k entries | %.2f MiB + %.2f KiB × commitments, "
                     "R² %.4f, worst point %.1f%% off the line | %s |"
                     % (name, intercept, slope * 1024, r2, worst * 100, verdict(r2 >= 0.99)))
    lr = medians.get(("lifetime", "review"))
    if lr and hr:
        lines.append("| lifetime review ≤ 10.5× heavy review | %s ms = %.1f× | %s |"
                     % (ms(lr), lr / hr, verdict(lr <= 10.5 * hr)))
    lrss = rss_all.get(("lifetime", "review"))
    if lrss:
        lines.append("| lifetime review peak RSS ≤ 100 MB (issue 6) | %.1f MiB (%.1f MB) | %s |"
                     % (lrss, lrss * 1.048576, verdict(lrss * 1.048576 <= 100)))
    for size in SIZES:
        n, r = medians.get((size, "new-print")), medians.get((size, "review"))
        if r is None:
            continue
        if n is None:
            lines.append("| %s new --print ≤ review + 5%% (issue 13) | not measured | pending |" % size)
        else:
            lines.append("| %s new --print ≤ review + 5%% (issue 13) | %s ms vs %s ms (%+.1f%%) | %s |"
                         % (size, ms(n), ms(r), (n / r - 1) * 100, verdict(n <= r * 1.05)))
    versions = [v for (s, name), v in medians.items() if name == "version"]
    if versions:
        worst = max(versions)
        lines.append("| --version ≤ 50 ms | %s ms (slowest corpus run) | %s |" % (ms(worst), verdict(worst <= 0.050)))
    jr, jt = medians.get(("heavy", "jrnl-last")), medians.get(("heavy", "jrnl-tags"))
    if hr and jr:
        lines.append("| heavy: jrnl -n 1 / journal review (load-only comparison) | %s ms / %s ms = %.1f× | "
                     "for information |" % (ms(jr), ms(hr), jr / hr))
    if hr and jt:
        lines.append("| heavy: jrnl --tags / journal review | %s ms / %s ms = %.1f× | for information |"
                     % (ms(jt), ms(hr), jt / hr))
    micro = micro_table(args.results)
    ledger = ledger_rows(micro)
    if len(ledger) >= 2:
        first, last = ledger[0], ledger[-1]
        growth = last[1] / first[1] if first[1] else 0
        lines.append("| ledger linear in commitments | %d → %d commitments: %.0f → %.0f ns each (%.2f×) | %s |"
                     % (first[0], last[0], first[1], last[1], growth,
                        "met" if growth <= 2.0 else "**missed** (super-linear)"))
    lines.append("")
    lines += rss_table(args.results)
    if micro:
        lines.append("### Micro-benchmarks (Benchmarks/Micro, ContinuousClock, medians)")
        lines.append("")
        lines.append(micro.strip().replace("### ", "#### "))
        lines.append("")
    lines.append("### Machine")
    lines.append("")
    for key, value in machine():
        lines.append("- %s: %s" % (key, value))
    return "\n".join(lines)


def rss_file(results, size):
    """Peak RSS (MiB) per command from <size>-rss.txt, also when the timing run is missing."""
    out = {}
    path = os.path.join(results, size + "-rss.txt")
    if os.path.exists(path):
        with open(path) as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 2 and parts[1].isdigit():
                    out[parts[0]] = int(parts[1]) / 1024
    return out


def rss_fit(results):
    """Per command: least-squares peak RSS (MiB) = intercept + slope × commitments, R², and the
    worst relative distance of a point from the line."""
    path = os.path.join(results, "rss-fit.txt")
    points = {}
    if os.path.exists(path):
        with open(path) as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 4 and parts[1].isdigit() and parts[3].isdigit():
                    points.setdefault(parts[2], []).append((int(parts[1]), int(parts[3]) / 1024))
    fits = {}
    for name, pts in points.items():
        if len(pts) < 3:
            continue
        n = len(pts)
        mx = sum(x for x, _ in pts) / n
        my = sum(y for _, y in pts) / n
        sxx = sum((x - mx) ** 2 for x, _ in pts)
        if sxx == 0:
            continue
        slope = sum((x - mx) * (y - my) for x, y in pts) / sxx
        intercept = my - slope * mx
        ss_res = sum((y - intercept - slope * x) ** 2 for x, y in pts)
        ss_tot = sum((y - my) ** 2 for _, y in pts)
        r2 = 1 - ss_res / ss_tot if ss_tot else 1.0
        worst = max(abs(y - intercept - slope * x) / y for x, y in pts)
        fits[name] = (slope, intercept, r2, worst)
    return fits


def rss_table(results):
    path = os.path.join(results, "rss-fit.txt")
    if not os.path.exists(path):
        return []
    rows = {}
    with open(path) as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 4 and parts[3].isdigit():
                rows.setdefault((int(parts[0]), parts[1]), {})[parts[2]] = int(parts[3]) / 1024
    lines = ["### Peak RSS by journal size (first N entries of lifetime, MiB)", "",
             "| Entries | Commitments | review | check | list | new --print |", "|---:|---:|---:|---:|---:|---:|"]
    for (count, commitments), values in sorted(rows.items()):
        lines.append("| %d | %s | %s |" % (count, commitments, " | ".join(
            "%.1f" % values[n] if n in values else "" for n in ["review", "check", "list", "new-print"])))
    return lines + [""]


def micro_table(results):
    path = os.path.join(results, "micro.md")
    if not os.path.exists(path):
        return ""
    with open(path) as handle:
        return handle.read()


def ledger_rows(micro):
    """(commitments, ns per commitment for ledger + statuses) from the micro table."""
    rows = []
    section = False
    for line in micro.splitlines():
        if line.startswith("### "):
            section = "ledger" in line.lower()
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if section and len(cells) >= 4 and cells[0].isdigit():
            rows.append((int(cells[0]), float(cells[3])))
    return rows


SKELETON = """# Benchmarks

How fast `journal` reads a journal, measured by `make bench` against a C program that only
reads and parses the same files with libcmark (Benchmarks/floor/cmark-floor.c).

## Results

%s
%s
""" % (BEGIN, END)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--command", default="make bench")
    args = parser.parse_args()
    text = SKELETON
    if os.path.exists(args.output):
        with open(args.output) as handle:
            text = handle.read()
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + "\n\n" + BEGIN + "\n" + END + "\n"
    block = BEGIN + "\n" + measured(args) + "\n" + END
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    with open(args.output, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
