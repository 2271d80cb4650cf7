#!/usr/bin/env python3
"""Assembles seeds/corpus/ from the writers' files. Train/dev: a deterministic 85/15 split by a hash of the text.
Triage lines come from train*.jsonl, navigation lines from nav-train*.jsonl; navigation lines tagged "tuned" (the
phrases were fitted to them) always go to train, so the development split that picks the model's threshold is fresh.
The test splits are frozen: written blind (from shared/EVAL-BRIEF.md, never from the rules) before any tuning,
copied once and never edited. Usage: python3 seeds/corpus/assemble.py <folder with the writers' files>"""
import hashlib, json, sys, pathlib
src = pathlib.Path(sys.argv[1]); here = pathlib.Path(__file__).parent
def rows(pattern):
    for f in sorted(src.glob(pattern)):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip(): yield json.loads(line)
def dev(text): return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 100 < 15
train, devs, seen = [], [], set()
extra = here.parent.parent / "tests/AwarenessBot.Analysis.Tests/Evaluation"
older = [dict(lang=r["lang"], label=(r["labels"] or ["none"])[0], text=r["text"], tags=["older_set"])
         for f in ("eval-set.jsonl", "holdout-2.jsonl") if (extra / f).exists()
         for r in map(json.loads, (extra / f).read_text(encoding="utf-8").splitlines()) if r]
for r in list(rows("train*.jsonl")) + older:
    key = r["text"].strip().lower()
    if key in seen: continue
    seen.add(key)
    (devs if dev(key) else train).append(r)
def write(path, items):
    with open(path, "w", encoding="utf-8") as f:
        for r in items: f.write(json.dumps(r, ensure_ascii=False) + "\n")
write(here / "triage/train.jsonl", train); write(here / "triage/dev.jsonl", devs)
nav_train, nav_dev, seen = [], [], set()
for r in rows("nav-train*.jsonl"):
    key = r["text"].strip().lower() + "\t" + r.get("context", "")
    if key in seen: continue
    seen.add(key)
    (nav_dev if dev(key) and "tuned" not in r.get("tags", []) else nav_train).append(r)
if nav_train:
    write(here / "intents/train.jsonl", nav_train); write(here / "intents/dev.jsonl", nav_dev)
if "--freeze-tests" in sys.argv:
    write(here / "triage/test.jsonl", list(rows("triage-test-*.jsonl")))
    write(here / "intents/test.jsonl", list(rows("nav-test-*.jsonl")))
print(f"triage: train {len(train)}  dev {len(devs)}; intents: train {len(nav_train)}  dev {len(nav_dev)}")
