#!/usr/bin/env python3
"""Measures `journal lsp` on a corpus: the initial load (initialize sent → answered), the first
diagnostics after opening the newest entry, and, for each of N edits, the time from the edit
(sent with --debounce 0, so the debounce has already ended) to its publishDiagnostics: edits
that leave the entry's commitments and follow-ups alone (prose), and edits that change a
follow-up (the ledger is rebuilt). CPU is the server's user plus system time, all threads.

    python3 scripts/lsp-latency.py .build/release/journal Benchmarks/corpora/heavy [EDITS]

Without an index by default; LSP_INDEX=DIR loads through the entry index kept under DIR
(XDG_CACHE_HOME), so a second run measures the warm start.
"""
import os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

lsp = import_module("lsp-client")


def main():
    binary, journal = sys.argv[1], os.path.abspath(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    cache = os.environ.get("LSP_INDEX")
    env = dict(os.environ, XDG_CACHE_HOME=cache) if cache else dict(os.environ, JOURNAL_NO_INDEX="1")
    client = lsp.Client([binary, "lsp", "--debounce", "0"], env=env)
    start = time.monotonic()
    client.request("initialize", {"rootUri": lsp.uri(journal), "capabilities": {}})
    load = time.monotonic() - start
    entries = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(journal) for f in fs if f[:4].isdigit() and f.endswith(".md"))
    path = entries[-1]
    text = open(path, encoding="utf-8").read()
    uri = lsp.uri(path)
    start = time.monotonic()
    client.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    client.wait_notification("textDocument/publishDiagnostics")
    opened = time.monotonic() - start
    stem = os.path.basename(entries[0])[:-3]

    def measure(kind, version):
        if kind == "prose":
            # A paragraph of its own: the entry's commitments and follow-ups stay as they were.
            tail = "\n\nNotes typed in the editor, take %d.\n" % version
        else:
            # A follow-up whose link changes every time: the ledger is rebuilt.
            tail = "\n\n- [x] [[%s#^nope%d]] typed\n" % (stem, version)
        start = time.monotonic()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text + tail}]})
        client.wait_notification("textDocument/publishDiagnostics")
        return time.monotonic() - start

    results = {}
    version = 1
    for kind in ("prose", "follow-up"):
        cpu_before = cpu_seconds(client.proc.pid)
        times = []
        for _ in range(edits):
            version += 1
            times.append(measure(kind, version))
        results[kind] = (sorted(t * 1000 for t in times), (cpu_seconds(client.proc.pid) - cpu_before) / edits)
    client.close()
    print("entries: %d" % len(entries))
    print("initial load (initialize → result): %.0f ms" % (load * 1000))
    print("didOpen → first publishDiagnostics: %.0f ms" % (opened * 1000))
    for kind, (ms, cpu) in results.items():
        print("%s edit → publishDiagnostics over %d edits: median %.1f ms, p90 %.1f ms, max %.1f ms;"
              " server CPU %.1f ms per edit"
              % (kind, len(ms), statistics.median(ms), ms[int(len(ms) * 0.9) - 1], ms[-1], cpu * 1000))
    print("load average during the run: %s" % open("/proc/loadavg").read().split()[0])


def cpu_seconds(pid):
    """User plus system time of a process so far, from /proc (Linux)."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
