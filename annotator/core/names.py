"""The one rule for deciding that two names mean the same person or organisation.

Import uses it to match incoming speakers to stored ones, and merging databases is
to use it too, so that the same name is matched the same way everywhere. It is
deliberately strict: two different people wrongly merged is worse than one person
listed twice (an analyst merges two speakers in one click, but cannot see that a
claim was moved to the wrong person).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .textio import squash_spaces

# Typographic variants one source writes and another does not.
_SAME_CHARACTER = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-"})


def normalise_name(name: str) -> str:
    """The form of a name that matching compares: NFKC, case-folded, single spaces.

    "Jean-Luc  O’Brien" and "jean-luc o'brien" normalise alike; accents are kept
    ("Müller" is not "Muller"), as are dots and titles: they can tell people apart.
    """
    text = unicodedata.normalize("NFKC", name).translate(_SAME_CHARACTER)
    return squash_spaces(text.casefold())


@dataclass
class _Known:
    name: str
    aliases: set[str]
    group: object = None


@dataclass
class NameMatcher:
    """Known speakers by id, found by normalised name or alias.

    Each speaker may carry a ``group`` (import uses the file it came from), so that a
    lookup can leave out the speakers of one group.
    """

    _known: dict[str, _Known] = field(default_factory=dict)
    _by_name: dict[str, list[str]] = field(default_factory=dict)
    _by_alias: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self, speaker_id: str, name: str, aliases: Iterable[str] = (), *, group: object = None
    ) -> None:
        """Make a speaker known (an id added twice keeps its first name)."""
        if speaker_id in self._known:
            return
        key = normalise_name(name)
        alias_keys = {normalise_name(a) for a in aliases} - {key, ""}
        self._known[speaker_id] = _Known(key, alias_keys, group)
        self._by_name.setdefault(key, []).append(speaker_id)
        for alias in alias_keys:
            self._by_alias.setdefault(alias, []).append(speaker_id)

    def __contains__(self, speaker_id: str) -> bool:
        return speaker_id in self._known

    def agrees(self, speaker_id: str, name: str) -> bool:
        """True when the known speaker ``speaker_id`` has this name or alias."""
        known = self._known.get(speaker_id)
        if known is None:
            return False
        key = normalise_name(name)
        return key == known.name or key in known.aliases

    def find(self, name: str, *, skip_group: object = None) -> list[str]:
        """Ids of the speakers this name means: by name first, else by alias.

        One id is a match; several mean the name is ambiguous (the caller keeps the
        incoming speaker apart); none, no match. Speakers of ``skip_group`` (when it
        is not None) are left out.
        """
        key = normalise_name(name)
        if not key:
            return []
        for index in (self._by_name, self._by_alias):
            found = [
                sid
                for sid in index.get(key, ())
                if skip_group is None or self._known[sid].group != skip_group
            ]
            if found:
                return found
        return []
