"""Assigning a corpus to coders: one database per coder, with a reliability sample.

A random, reproducible share of the articles (the reliability sample) goes to every
coder; the rest is split evenly. Each coder's file holds their articles (text and
metadata, no annotations), the corpus speakers, and their name (each of their
articles has a status of theirs), and the sample is recorded in the main database.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .schema import ARTICLE_STATUSES
from .store import Store
from .store.coder_files import write_coder_file, write_shared_part


@dataclass
class Plan:
    """Who gets which articles: ``sample`` (everyone's) and ``own`` (per coder)."""

    coders: list[str]
    sample: list[str]
    own: dict[str, list[str]]

    def articles_of(self, coder: str) -> list[str]:
        """A coder's articles: the sample, then their own share."""
        return [*self.sample, *self.own[coder]]

    def counts(self) -> dict[str, int]:
        """How many articles each coder gets."""
        return {c: len(self.sample) + len(self.own[c]) for c in self.coders}


def plan(
    article_ids: Sequence[str],
    coders: Sequence[str],
    *,
    overlap: float = 0.0,
    per_coder: int | None = None,
    seed: int | None = None,
) -> Plan:
    """Split ``article_ids`` among ``coders`` (same seed, same split).

    Parameters:
        overlap: the share of all articles every coder gets (0 to 1).
        per_coder: each coder gets this many articles in all (sample included);
            None gives out every article.
        seed: the random seed (None: a different split each time).

    Raises:
        InputError: no coders, a name twice, an overlap outside 0-1, or more articles
            per coder than there are.
    """
    names = [c.strip() for c in coders]
    if not names or not all(names):
        raise InputError("give the coders' names")
    if len(set(names)) != len(names):
        raise InputError("a coder is named twice")
    if not 0 <= overlap <= 1:
        raise InputError(f"--overlap must be between 0 and 1, not {overlap}")
    rng = random.Random(seed)
    ids = list(article_ids)
    sample = sorted(rng.sample(range(len(ids)), round(overlap * len(ids))))
    taken = set(sample)
    rest = [i for i in range(len(ids)) if i not in taken]
    rng.shuffle(rest)
    if per_coder is not None:
        wanted = per_coder - len(sample)
        if wanted < 0 or wanted * len(names) > len(rest):
            raise InputError(
                f"cannot give {per_coder} articles to each of {len(names)} coders: "
                f"{len(ids)} articles, {len(sample)} of them in the sample"
            )
        rest = rest[: wanted * len(names)]
    own: dict[str, list[str]] = {c: [] for c in names}
    for n, i in enumerate(rest):
        own[names[n % len(names)]].append(i)  # type: ignore[arg-type]
    return Plan(
        names,
        [ids[i] for i in sample],
        {c: [ids[i] for i in sorted(own[c])] for c in names},  # type: ignore[misc]
    )


def write_coder_files(
    store: Store,
    chosen: Plan,
    folder: str | Path,
    *,
    status: str = "todo",
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Write ``folder/NAME.db`` for each coder and record the sample in ``store``.

    Raises:
        InputError: a coder's file exists already, or an unknown status.
    """
    if status not in ARTICLE_STATUSES:
        raise InputError(f"unknown status {status!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {c: folder / f"{c}.db" for c in chosen.coders}
    for path in paths.values():
        if path.exists():
            raise InputError("a file is there already; choose an empty folder", path=str(path))
    # The sample and the speakers are written (and indexed) once, then copied per coder.
    with tempfile.TemporaryDirectory(prefix=".assign-", dir=folder) as tmp:
        shared = Path(tmp) / "shared.db"
        write_shared_part(store, shared, chosen.sample, status)
        for coder, path in paths.items():
            write_coder_file(store, path, shared, chosen.own[coder], coder, status)
            if progress:
                progress(coder)
    store.articles.set_reliability_sample(chosen.sample)
    return paths
