"""The tokenizer: an article's tokens (``Tok``), made once per thread and sliced by
range, and where the words it notes are (``word_spots``, ``noted_tokens``).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from operator import attrgetter

from .cue_forms import CUE_FIRST
from .lexicon import ORG_HEADS

# A token and the white space before it: an acronym with dots (U.S.), a word with inner
# apostrophes/hyphens, or one non-space character (every character but white space is
# in a token). Possessive quantifiers: nothing after them could match with less, and
# ``re`` then keeps no backtracking points (~15% faster; speed)
_SPACED_TOKEN_RE = re.compile(r"\s*+(?:[A-Z]\.(?:[A-Z]\.)+|\w++(?:[’'\-‐]\w++)*+|\S)")


class Tok:
    """A token: offsets into the article and its text.

    ``is_cap``: the token reads as capitalised (``capitalised``).
    """

    __slots__ = ("end", "is_cap", "is_word", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        # read for nearly every token, often more than once: set once (speed)
        self.is_word = text[0].isalnum()
        self.is_cap = capitalised(text)

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


class _Made(Tok):
    """A ``Tok`` the tokenizer makes: it fills the slots itself, and a class without an
    ``__init__`` of its own is called faster than ``object.__new__`` (~900 tokens an
    article; speed)."""

    __slots__ = ()
    __init__ = object.__init__


def capitalised(text: str) -> bool:
    """Whether a token's text begins with an upper-case letter, or with a lower-case
    particle glued to one ("al-Harbi", "d'Estaing", "bin-Salman")."""
    if text[0].isupper():
        return True
    if text.isalnum():
        return False  # (most words: no glue; a cheap test first, speed)
    # the glue is within the first four characters (a cheap test first: speed)
    head = text[1:4]
    if "-" not in head and "'" not in head and "’" not in head and "‐" not in head:
        return False
    m = _GLUED_RE.match(text)
    return m is not None and text[m.end()].isupper()


_GLUED_RE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|du|van|von|le|la|d|o)[-‐’']")

# the words the tokenizer notes where they are (``word_spots``): the first words of the
# cues and the heads of organisations' names
SPOT_WORDS: frozenset[str] = CUE_FIRST | ORG_HEADS
# what the tokenizer notes: ``SPOT_WORDS`` and the word sets given to ``note_words``
_NOTED = SPOT_WORDS
_NOTED_SETS: set[frozenset[str]] = set()
# how many characters of a word ``word_spots`` compares before a pattern is tried (the
# length of the shortest word), and the beginnings of the words of each list it is given
_BEGIN = min(map(len, SPOT_WORDS))
_BEGINNINGS: dict[frozenset[str], frozenset[str]] = {}
# The characters that join the parts of a token ("al-Harbi", "Lee's", "U.S."). A dot
# joins only the one-letter parts of an acronym: no word of two letters or more begins
# after it inside a token, so its spots are needed only for shorter or dotted words.
_JOINTS = "’'-‐" + ("." if _BEGIN < 2 or any("." in w for w in SPOT_WORDS) else "")


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]`` (a new list; the ``Tok`` values are shared).

    The rules ask for the tokens of the same sentences many times, so the whole article
    is tokenized once (per thread) and a range is a slice of it. A range that cuts a
    token (a start inside a word) is tokenized on its own, as the slice would differ.
    """
    # (one look-up of the thread's memo a call: ``threading.local`` attributes are slow)
    state = getattr(token_memo, "state", None)
    if state is None or state[0] is not text:
        state = remember(text)
    toks = state[1]
    starts = state[2]
    i = bisect_left(starts, start)
    j = bisect_left(starts, end, i)
    if (i and toks[i - 1].end > start) or (j and j > i and toks[j - 1].end > end):
        return _cut_tokens(text, start, end)
    return toks[i:j]


def tokenize_noting(
    text: str, start: int, end: int, words: frozenset[str]
) -> tuple[list[Tok], list[int]]:
    """``tokenize(text, start, end)`` and the indices into it, in order, of the tokens
    whose lower-case form is in ``words``: found among the tokens the tokenizer noted,
    without a pass over the range (speed).

    Raises:
        ValueError: ``words`` was not given to ``note_words``.
    """
    _, toks, starts, spotted, at, _ = _noted_state(text, words)
    i = bisect_left(starts, start)
    j = bisect_left(starts, end, i)
    if (i and toks[i - 1].end > start) or (j and j > i and toks[j - 1].end > end):
        out = _cut_tokens(text, start, end)
        return out, [k for k, t in enumerate(out) if t.low in words]
    a = bisect_left(at, i)
    b = bisect_left(at, j, a)
    return toks[i:j], [at[x] - i for x in range(a, b) if spotted[x].low in words]


def noted_tokens(text: str, words: frozenset[str]) -> list[Tok]:
    """The tokens of the whole of ``text`` whose lower-case form is in ``words``, in
    order: found among the tokens the tokenizer noted, without a pass over the text
    (speed).

    Raises:
        ValueError: ``words`` was not given to ``note_words``.
    """
    return [t for t in _noted_state(text, words)[3] if t.low in words]


def _noted_state(text: str, words: frozenset[str]) -> tuple:
    """The thread's memo of ``text``, remade when it was made before ``words`` were noted."""
    if words not in _NOTED_SETS:
        raise ValueError("words not given to note_words")
    state = getattr(token_memo, "state", None)
    if state is None or state[0] is not text or state[5] is not _NOTED:
        state = remember(text)
    return state


def note_words(words: frozenset[str]) -> None:
    """Have the tokenizer note the tokens whose lower-case form is in ``words``, for
    ``tokenize_noting``; a module calls it once, when it loads."""
    global _NOTED
    if words not in _NOTED_SETS:
        _NOTED_SETS.add(words)
        _NOTED = _NOTED | words


def _tokens(
    text: str,
    start: int,
    end: int,
    spotted: list[Tok],
    starts: list[int],
    spotted_at: list[int],
) -> list[Tok]:
    """New ``Tok`` values for ``text[start:end]``, the same as ``Tok(...)`` would make
    but for ``is_cap`` of the tokens that begin with a glued particle ("al-Harbi"): left
    False (``_joints`` or ``_cut_tokens`` set it); their starts go into ``starts``, those
    whose lower-case form is in ``_NOTED`` (``SPOT_WORDS`` and the words of
    ``note_words``) into ``spotted`` and their indices into ``spotted_at``."""
    # ~900 tokens an article: filling the slots here skips a Python __init__ call each
    new = _Made
    out = []
    add = out.append
    spot = spotted.append
    spot_at = spotted_at.append
    add_start = starts.append
    noted = _NOTED
    pos = start
    # (strings from ``findall`` and offsets from their lengths: no match objects; speed)
    for spaced in _SPACED_TOKEN_RE.findall(text, start, end):
        w = spaced.lstrip()
        t = new()
        t.end = pos = pos + len(spaced)
        t.start = s = pos - len(w)
        add_start(s)
        t.text = w
        t.low = low = w.lower()
        # (``capitalised`` read by the rules ~300,000 times a corpus: set here; speed)
        c = w[0]
        t.is_word = c.isalnum()
        t.is_cap = c.isupper()
        if low in noted:
            spot(t)
            spot_at(len(out))
        add(t)
    return out


def _cut_tokens(text: str, start: int, end: int) -> list[Tok]:
    """New ``Tok`` values for ``text[start:end]``, the same as ``Tok(...)`` would make."""
    out = _tokens(text, start, end, [], [], [])
    for t in out:
        if t.is_word and not t.is_cap:
            t.is_cap = capitalised(t.text)
    return out


# one article's tokens per thread: a sqlite-free worker may suggest while the window does
token_memo = threading.local()


def remember(
    text: str,
) -> tuple[str, list[Tok], list[int], list[Tok], list[int], frozenset[str]]:
    """Tokenize the whole of ``text`` into the memo of this thread; its ``state``: the
    text, its tokens, their starts, the noted tokens, their indices and the noted words."""
    memo = token_memo
    spotted: list[Tok] = []
    spotted_at: list[int] = []
    starts: list[int] = []
    toks = _tokens(text, 0, len(text), spotted, starts, spotted_at)
    memo.state = state = (text, toks, starts, spotted, spotted_at, _NOTED)
    memo.joints = _joints(text, starts, toks)
    memo.cue_spots = None  # (``cues.py``)
    memo.text = text
    return state


def forget(text: str) -> None:
    """Drop this thread's tokens of ``text`` (a later call reads the text again).

    The engine calls it before it lets the cyclic garbage collector run again: tokens
    freed while it is paused are not counted as new objects, so the collector does not
    run at once to scan an article's tokens that live on only until the next article.
    """
    memo = token_memo
    if getattr(memo, "text", None) is text:
        memo.state = memo.joints = memo.cue_spots = memo.text = None


def word_spots(text: str, words: frozenset[str]) -> list[int]:
    """Positions in ``text``, in order, that include every ``q`` where ``text[q]`` is a
    non-word character and a word of ``words`` (in any letter case) begins at ``q + 1``
    and ends at a word boundary: the position right before each token whose lower-case
    form is in ``words``, and, where the text after them begins like a word of
    ``words``, right before each token that holds a hyphen or an apostrophe
    ("well-said", "Lee's") and at each of those characters before a word character
    (the dots of an acronym too when a word is shorter than two letters or dotted).

    Callers try their pattern for such words at these positions only: the look-up of
    every token in ``SPOT_WORDS`` while tokenizing costs less than a regex scan of the
    whole text (speed).

    Raises:
        ValueError: ``words`` holds a word that is not in ``SPOT_WORDS``.
    """
    begins = _BEGINNINGS.get(words)
    if begins is None:
        if not words <= SPOT_WORDS:
            raise ValueError(f"not in SPOT_WORDS: {sorted(words - SPOT_WORDS)[:5]}")
        begins = _BEGINNINGS[words] = frozenset(w[:_BEGIN] for w in words)
    memo = token_memo
    if getattr(memo, "text", None) is not text:
        remember(text)
    hits = [t.start - 1 for t in memo.state[3] if t.low in words]
    more = [q for q, begin in memo.joints if begin in begins]
    return sorted({*hits, *more}) if more else hits


def _joints(text: str, starts: list[int], toks: list[Tok]) -> list[tuple[int, str]]:
    """The positions of the ``_JOINTS`` characters before a word character, and right
    before the token that holds one after a word character (its first part), each with
    the lower-case beginning of the text after it (``_BEGIN`` characters); ``toks``
    (the tokens of the whole text, ``starts`` theirs) that begin with a particle glued
    to a capital ("al-Harbi") are marked ``is_cap`` on the way."""
    out = []
    last = len(text) - 1
    for c in _JOINTS:
        i = text.find(c)
        while i >= 0:
            if i < last and ((after := text[i + 1]).isalnum() or after == "_"):
                out.append((i, text[i + 1 : i + 1 + _BEGIN].lower()))
                if i and (text[i - 1].isalnum() or text[i - 1] == "_"):
                    k = bisect_right(starts, i - 1) - 1
                    q = starts[k]
                    out.append((q - 1, text[q : q + _BEGIN].lower()))
                    # (``capitalised``: the particle's glue is the token's first joint)
                    if after.isupper() and i - q < 4:
                        m = _GLUED_RE.match(text, q)
                        if m is not None and m.end() == i + 1:
                            toks[k].is_cap = True
            i = text.find(c, i + 1)
    return out


# The start of a token: the key to bisect a list of tokens by offset (a C function: no
# Python call at each step of the bisection; speed)
tok_start = attrgetter("start")


def tok_at(toks: list[Tok], pos: int) -> int | None:
    """The index of the token of ``toks`` (in text order) that starts at ``pos``, else
    None."""
    k = bisect_left(toks, pos, key=tok_start)
    return k if k < len(toks) and toks[k].start == pos else None
