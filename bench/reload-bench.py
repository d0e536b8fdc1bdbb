#!/usr/bin/env python3
# Time from saving a change to the reload event of `briefing serve`, for a body
# edit, a tag change and a template change (median of 3 each).
# Usage: bench/reload-bench.py SITE_ROOT   (needs target/release/briefing)
import socket, subprocess, sys, time, re, os
root = sys.argv[1]
p = subprocess.Popen([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "briefing"), "--root", root, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
port = None
for line in p.stderr:
    m = re.search(r"serving http://127.0.0.1:(\d+)/", line)
    if m: port = int(m.group(1)); break
def events():
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(300)
    s.sendall(b"GET /__briefing/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    f = s.makefile("rb")
    while f.readline() not in (b"\r\n", b""): pass
    return s, f
def wait(f):
    while True:
        l = f.readline()
        if l.startswith(b"event: reload"): return
content = os.path.join(root, "content")
art = sorted(os.listdir(content))[0]
path = os.path.join(content, art)
orig = open(path).read()
results = {}
def measure(name, change, restore):
    times = []
    for i in range(3):
        s, f = events()
        t = time.time(); change(i); wait(f); times.append(time.time() - t)
        s.close()
        s, f = events(); restore(); wait(f); s.close()
    times.sort(); results[name] = times[1]
measure("body edit", lambda i: open(path, "w").write(orig + f"\nEdited {i}.\n"), lambda: open(path, "w").write(orig))
measure("tag change", lambda i: open(path, "w").write(orig.replace("tags:\n", f"tags:\n  - bench-tag-{i}\n", 1)), lambda: open(path, "w").write(orig))
tdir = os.path.join(root, "templates"); had_templates = os.path.isdir(tdir); os.makedirs(tdir, exist_ok=True)
tpl = os.path.join(tdir, "404.html")
measure("template change", lambda i: open(tpl, "w").write('{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1><p>gone ' + str(i) + '</p>{% endblock main %}'), lambda: os.remove(tpl))
p.terminate()
if not had_templates: os.rmdir(tdir)
for k, v in results.items(): print(f"{k}: {v:.2f} s (median of 3)")
