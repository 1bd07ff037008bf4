"""Headless check of docs/editors/efm-langserver.yaml: starts efm-langserver with that config
(restlint taken from RESTLINT_BIN's folder on PATH), opens a document whose text differs from
the file on disk, and prints the publishDiagnostics it gets as JSON.

Usage: python3 efm_check.py CONFIG FILE  (FILE must exist; its unsaved text is given below)
"""
import json
import os
import subprocess
import sys
import threading
import time

config, path = sys.argv[1], os.path.abspath(sys.argv[2])
uri = "file://" + path
text = (
    "// héllo\n"
    'const s = "naïve 😀"; const m = new Map(); export const a = { ...m };\n'
    'const w = "naïve 😀"; export const b = { ...w };\n'
)

proc = subprocess.Popen(
    ["efm-langserver", "-c", config],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    stderr=subprocess.DEVNULL,
    cwd=os.path.dirname(path),
)


def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def read():
    headers = {}
    while True:
        line = proc.stdout.readline()
        if not line:
            return None
        line = line.decode().strip()
        if not line:
            break
        k, v = line.split(":", 1)
        headers[k.lower()] = v.strip()
    return json.loads(proc.stdout.read(int(headers["content-length"])))


found = []


def reader():
    while True:
        msg = read()
        if msg is None:
            return
        if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            if msg["params"]["diagnostics"]:
                found.append(msg["params"]["diagnostics"])
                return


t = threading.Thread(target=reader, daemon=True)
t.start()
root = os.path.dirname(path)
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {}}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": text}}})
# efm lints on open, change and save; some versions only on change or save.
time.sleep(1.0)
if not found:
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}})
t.join(timeout=15)
proc.kill()
print(json.dumps({"text": text, "diagnostics": found[0] if found else []}, ensure_ascii=False))
