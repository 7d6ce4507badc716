"""A short paragraph that is only a quotation after a quoted paragraph, or in single
marks on its own, is a heading or a reply: not part of the quote before, not a claim."""

from __future__ import annotations

from annotator.core.suggest import suggest_article


def _seen(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            " … ".join(s.text for s in c.content),
            c.cue.text if c.cue else None,
            c.mention.text if c.mention else None,
        )
        for c in suggest_article(text)
    ]


def test_a_heading_in_single_marks_does_not_join_the_quote_before():
    text = (
        'Harbour vote\n\n"The pier has stood for a century," Ana Roe said. '
        '"We will not let it fall now."\n\n'
        "'A fight for the pier.'\n\n"
        "The council meets on Monday to vote on the repairs."
    )
    assert _seen(text) == [
        ("The pier has stood for a century, … We will not let it fall now.", "said", "Ana Roe")
    ]


def test_a_heading_in_single_marks_alone_is_no_claim():
    text = "'The pier is not for sale, friends.'\n\nThe council meets on Monday to vote on the repairs."
    assert _seen(text) == []


def test_a_reply_after_a_quoted_paragraph_does_not_join_it():
    text = (
        'Harbour vote\n\n"Do we give up on the pier?" Ana Roe asked the crowd. '
        '"Do we let them close it?"\n\n"Noooo!"\n\n'
        "The council meets on Monday to vote on the repairs."
    )
    assert _seen(text) == [
        ("Do we give up on the pier? … Do we let them close it?", "asked", "Ana Roe")
    ]


def test_a_quote_after_an_attributed_paragraph_still_goes_on():
    text = (
        'Harbour vote\n\n"The repairs are paid for," Ana Roe told reporters.\n\n'
        '"This is settled."\n\nThe council meets on Monday.'
    )
    assert _seen(text) == [("The repairs are paid for, … This is settled.", "told", "Ana Roe")]
