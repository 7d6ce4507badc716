"""What the suggestion tests look at: one invented sentence under a headline, and each
claim as the panel lists it (its text, its cue, its speaker's mention)."""

from __future__ import annotations

from annotator.core.suggest import SuggestedClaim, suggest_article

HEAD = "Harbour town votes on the ferry\n\n"


def claims_of(sentence: str) -> list[SuggestedClaim]:
    """The suggestions for ``sentence`` as the first paragraph under a headline."""
    return suggest_article(HEAD + sentence)


def seen(c: SuggestedClaim) -> tuple[str, str | None, str | None]:
    """The claim's text, its cue and its speaker's mention, as the panel lists them."""
    text = " … ".join(s.text for s in c.content)
    return text, c.cue.text if c.cue else None, c.mention.text if c.mention else None


def claim_with(text: str, content: str) -> SuggestedClaim:
    """The first suggestion for the whole ``text`` whose content holds ``content``."""
    claims = suggest_article(text)
    found = [c for c in claims if any(content in s.text for s in c.content)]
    assert found, [[s.text for s in c.content] for c in claims]
    return found[0]


def mention_and_speaker(c: SuggestedClaim) -> tuple[str | None, str | None]:
    """The claim's speaker mention and the name it resolves to."""
    return (c.mention.text if c.mention else None, c.speaker.name if c.speaker else None)
