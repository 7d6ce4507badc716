"""Sentence ends as the suggestions see them: an abbreviation's period ends no sentence,
and a sentence ending in "." "!" or "..." before an opening quote is a sentence of its
own (what a user sees: the claim's text, its cue and the speaker's mention)."""

from __future__ import annotations

import pytest

from annotator.core.suggest import suggest_article

HEAD = "Harbour town votes on the ferry\n\n"


def seen(paragraph: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            " … ".join(s.text for s in c.content),
            c.cue.text if c.cue else None,
            c.mention.text if c.mention else None,
        )
        for c in suggest_article(HEAD + paragraph)
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # "Dr." does not end the sentence before the name
        (
            "Dr. Ana Ruiz said the harbour would reopen in May. The council disagreed.",
            [("the harbour would reopen in May", "said", "Ana Ruiz")],
        ),
        # a quote after a sentence end, and the quote after its attribution going on
        (
            'The vote failed on Monday. "We will try again in the spring," Ruiz said. '
            '"Nobody is giving up."',
            [("We will try again in the spring, … Nobody is giving up.", "said", "Ruiz")],
        ),
        (
            'The ferry runs late again... "It is a disgrace," said Tomas Berg, a commuter.',
            [("It is a disgrace,", "said", "Tomas Berg")],
        ),
        ('The mayor resigned! "It was time," she said.', [("It was time,", "said", "she")]),
        # plural titles: "Sens." and "Reps." end no sentence either
        (
            "The pier plan, backed by Sens. Ana Ruiz and Tomas Berg, would cost less, Lee said.",
            [
                (
                    "The pier plan, backed by Sens. Ana Ruiz and Tomas Berg, would cost less",
                    "said",
                    "Lee",
                )
            ],
        ),
    ],
)
def test_sentence_ends_around_quotes_and_abbreviations(paragraph: str, expected: list) -> None:
    assert seen(paragraph) == expected
