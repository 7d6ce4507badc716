"""Two imports at once into one file: every distinct article arrives, nothing fails.

Two child processes each import a file of their own and then an overlapping one.
Both have started (their importer is set up, their first file is stored) before
either reads the overlapping file: each waits for the other's marker file, so the
overlap is certain, whatever the speed of the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
NAMES = 7

IMPORTER = r"""
import sys, time
from pathlib import Path
from annotator.core.importing import import_paths
from annotator.core.store import Store

db, own, shared, ready, other = sys.argv[1:6]

def progress(done, total):
    if done == 1:  # the own file is stored: say so, and wait for the other importer
        Path(ready).touch()
        deadline = time.monotonic() + 120
        while not Path(other).exists() and time.monotonic() < deadline:
            time.sleep(0.005)

with Store(db, annotator="importer") as store:
    report = import_paths(store, [own, shared], progress=progress)
for line in report.errors:
    print(line, file=sys.stderr)
print(report.added, report.duplicates, report.failed)
"""


def record(n: int) -> dict:
    name = f"Speaker {n % NAMES}"
    text = f"{name} said on day {n} that the talks would go on.\n"
    return {
        "text": text,
        "title": f"Article {n}",
        "spans": [
            {"id": "s-0", "label": "speaker", "start": 0, "end": len(name)},
            {"id": "s-1", "label": "claim", "start": text.index("the talks"), "end": len(text) - 2},
        ],
        # Numbered per article, as converters do: the same id names different people.
        "speakers": [{"id": "sp-0", "name": name, "mentions": ["s-0"]}],
        "claims": [{"id": "c-0", "spans": ["s-1"], "speaker": "sp-0", "mention": "s-0"}],
        "positions": [
            {"id": "p-0", "speaker": "sp-0", "target": f"Talks {n % 3}", "stance": "favor"}
        ],
    }


def write(path: Path, numbers: range) -> Path:
    path.write_text("".join(json.dumps(record(n)) + "\n" for n in numbers), "utf-8")
    return path


def test_two_imports_of_overlapping_files_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    Store(db).close()
    files = {
        "a": (write(tmp_path / "own-a.jsonl", range(10_000, 10_001)), range(0, 700)),
        "b": (write(tmp_path / "own-b.jsonl", range(20_000, 20_001)), range(350, 1050)),
    }
    procs = []
    for me, other in (("a", "b"), ("b", "a")):
        own, numbers = files[me]
        shared = write(tmp_path / f"shared-{me}.jsonl", numbers)
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    IMPORTER,
                    str(db),
                    str(own),
                    str(shared),
                    str(tmp_path / f"{me}.ready"),
                    str(tmp_path / f"{other}.ready"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        )
    results = [proc.communicate(timeout=600) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        # The only lines: the per-article speaker ids, reported once per file.
        assert all("speaker id already used" in line for line in err.splitlines()), err
        added, duplicates, failed = map(int, out.split())
        assert failed == 0
        assert added + duplicates == 701
    added_total = sum(int(out.split()[0]) for out, _err in results)
    assert added_total == 1052

    with Store(db) as store:
        assert store.article_count() == 1052  # 1050 distinct shared + 2 own
        stats = store.stats()
        assert stats["spans"] == 2 * 1052 and stats["claims"] == 1052
        assert stats["positions"] == 1052 and stats["targets"] == 3
        assert sorted(s["name"] for s in store.speakers()) == [f"Speaker {k}" for k in range(NAMES)]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
