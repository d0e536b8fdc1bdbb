#!/usr/bin/env python3
"""Time from saving a change to `briefing serve` answering with it over HTTP.

Usage: bench/reload-bench.py SITE_ROOT [RUNS]   (needs target/release/briefing)

Three kinds of change, RUNS times each (default 3), median printed:
- body edit: a sentence added to the last prose line of one article; done when its page has it;
- tag change: a new tag on that article; done when the new tag's page exists and lists it;
- template change: a site template for the 404 page; done when /404.html shows it.
Each change is undone (and the undo waited for) before the next.
"""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time

root = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "briefing")
server = subprocess.Popen([binary, "--root", root, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
port = None
for line in server.stderr:
    m = re.search(r"serving http://127.0.0.1:(\d+)/", line)
    if m:
        port = int(m.group(1))
        break


def get(path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    conn.close()
    return r.status, body


def until(path, test, limit=600):
    """Polls `path` until `test(status, body)`; returns seconds from now."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        status, body = get(path)
        if test(status, body):
            return
        time.sleep(0.005)
    sys.exit(f"{path}: no change within {limit} s")


content = os.path.join(root, "content")
name = sorted(os.listdir(content))[0]
path = os.path.join(content, name)
orig = open(path).read()
url = re.search(r"^url: (.*)$", orig, re.M).group(1).strip()
title = re.search(r"^title: (.*)$", orig, re.M).group(1).strip()
_, digest = get("/digest.json")
page = next(a["page"] for c in json.loads(digest)["clusters"] for a in c["articles"]
            if a["url"] == url and a["title"] == title)
page = "/" + page.split("/", 3)[3]
# A body edit the reader sees: a sentence added to a prose line that the cleaned page shows
# (a line appended at the very end of a scraped page would be cleaned away as page chrome).
_, shown = get(page)
body_start = orig.index("\n---", 3) + 4
# The last such line: past the lede (the first 80 words, which clustering compares), as most
# edits of a long article are; an edit of the lede regroups the site (the tag change shows
# what that costs).
prose = [line for line in orig[body_start:].splitlines()
         if len(line) > 80 and not re.search(r"[\[\]*#<>`|_]", line) and line[:60] in shown][-1]


def edited(i):
    return orig[:body_start] + orig[body_start:].replace(prose, f"{prose} Edited line {i}.", 1)


def measure(change, visible, restore, restored):
    times = []
    for i in range(runs):
        started = time.monotonic()
        change(i)
        until(*visible(i))
        times.append(time.monotonic() - started)
        restore()
        until(*restored(i))
    return statistics.median(times)


def write(p, text):
    with open(p, "w") as f:
        f.write(text)


results = {}
results["body edit"] = measure(
    lambda i: write(path, edited(i)),
    lambda i: (page, lambda s, b: f"Edited line {i}." in b),
    lambda: write(path, orig),
    lambda i: (page, lambda s, b: s == 200 and f"Edited line {i}." not in b))
results["tag change"] = measure(
    lambda i: write(path, orig.replace("tags:\n", f"tags:\n  - bench-tag-{i}\n", 1)),
    lambda i: (f"/tags/bench-tag-{i}/", lambda s, b: s == 200 and page in b),
    lambda: write(path, orig),
    lambda i: (f"/tags/bench-tag-{i}/", lambda s, b: s == 404))
tdir = os.path.join(root, "templates")
had_templates = os.path.isdir(tdir)
os.makedirs(tdir, exist_ok=True)
tpl = os.path.join(tdir, "404.html")
results["template change"] = measure(
    lambda i: write(tpl, '{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1><p>gone '
                    + str(i) + '</p>{% endblock main %}'),
    lambda i: ("/404.html", lambda s, b: f"gone {i}</p>" in b),
    lambda: os.remove(tpl),
    lambda i: ("/404.html", lambda s, b: f"gone {i}</p>" not in b))
server.terminate()
server.wait()
if not had_templates:
    os.rmdir(tdir)
for k, v in results.items():
    print(f"{k}: {v:.3f} s (median of {runs}, saved to visible over HTTP)")
