"""Build a compact regular expression from a word list (a character trie).

``re`` tries the branches of a plain ``a|b|c`` alternation one after the other at every
position; a trie shares prefixes, so a list of a few hundred words costs about as much
as one word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly the given words (longest first)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node(root)


def _node(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _node(sub) for ch, sub in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "|".join(branches)
    if end:
        return "(?:" + body + ")?"
    return "(?:" + body + ")"
