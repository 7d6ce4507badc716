"""A token reads as capitalised when it begins with a capital or with a lower-case
particle glued to one ("al-Farsi"), whether it comes from the whole article or from a
range that cuts a word."""

from __future__ import annotations

from annotator.core.suggest import suggest_article
from annotator.core.suggest.tokens import Tok, tokenize

TEXT = (
    "Omar al-Farsi met Jean d'Aubry and bin-Rashid at the well-known café; "
    "al-b-Cole, d'a-Bern, o'Neil and 'ash-Shams' came later, said the van-driver."
)
CAPS = {"Omar", "al-Farsi", "Jean", "d'Aubry", "bin-Rashid", "o'Neil", "ash-Shams"}


def _caps(start: int, end: int) -> set[str]:
    return {t.text for t in tokenize(TEXT, start, end) if t.is_cap}


def test_glued_particles_before_a_capital_read_as_capitalised() -> None:
    assert _caps(0, len(TEXT)) == CAPS


def test_a_range_that_cuts_a_word_reads_the_same_capitals() -> None:
    start = TEXT.index("Omar") + 2  # inside "Omar": the range is read on its own
    assert _caps(start, len(TEXT)) == CAPS - {"Omar"}
    assert "ar" in {t.text for t in tokenize(TEXT, start, len(TEXT))}


def test_the_tokens_of_the_article_read_as_tokens_made_one_by_one() -> None:
    for t in tokenize(TEXT, 0, len(TEXT)):
        assert t.is_cap == Tok(t.start, t.end, t.text).is_cap, t


def test_a_speaker_with_a_glued_particle_keeps_it_in_the_name() -> None:
    text = "The council will vote on the budget next week, said Omar al-Farsi, who chairs it."
    (claim,) = suggest_article(text)
    assert claim.speaker is not None and claim.speaker.name == "Omar al-Farsi"
