#!/usr/bin/env python3
"""A small LSP client for `journal lsp`: frames JSON-RPC over the server's stdin and stdout.

Used by scripts/lsp-latency.py and by hand:  python3 scripts/lsp-client.py BINARY JOURNAL
(opens the newest entry, prints the diagnostics, shuts down)."""
import json, os, subprocess, sys, time


class Client:
    def __init__(self, argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.next_id = 0
        self.notifications = []

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message
            self.notifications.append(message)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_notification(self, method):
        for i, message in enumerate(self.notifications):
            if message.get("method") == method:
                return self.notifications.pop(i)
        while True:
            message = self.read()
            if message.get("method") == method:
                return message
            self.notifications.append(message)

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=30)


def uri(path):
    return "file://" + os.path.abspath(path)


if __name__ == "__main__":
    binary, journal = sys.argv[1], sys.argv[2]
    client = Client([binary, "lsp", "--journal", journal])
    started = time.monotonic()
    client.request("initialize", {"rootUri": uri(journal), "capabilities": {}})
    entries = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(journal) for f in fs if f[:4].isdigit() and f.endswith(".md"))
    path = entries[-1]
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "markdown", "version": 1,
                                                            "text": open(path, encoding="utf-8").read()}})
    print(json.dumps(client.wait_notification("textDocument/publishDiagnostics"), indent=1, ensure_ascii=False))
    print("exit", client.close())
