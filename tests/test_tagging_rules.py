"""The rules that guess a new claim's kind, cue and speaker (no window needed)."""

from annotator.core.tagging import guess_claim, near, sentence_around


def span(sid, label, start, end, *, speaker_id=None, status="accepted"):
    return {
        "id": sid,
        "label": label,
        "start": start,
        "end": end,
        "speaker_id": speaker_id,
        "status": status,
    }


TEXT = "The mayor said: “We will build the bridge,” at the meeting."
QUOTE = (TEXT.index("We"), TEXT.index(",”"))


def test_quoted_text_is_a_direct_claim_and_plain_text_indirect():
    assert guess_claim(TEXT, [], *QUOTE)["claim_kind"] == "direct"
    plain = (TEXT.index("the meeting"), TEXT.index("meeting") + 7)
    assert guess_claim(TEXT, [], *plain)["claim_kind"] == "indirect"


def test_nearest_cue_and_known_speaker_are_proposed():
    spans = [
        span("m1", "speaker", 4, 9, speaker_id="sp1"),
        span("c1", "cue", 10, 14),
    ]
    guess = guess_claim(TEXT, spans, *QUOTE)
    assert guess == {
        "claim_kind": "direct",
        "cue_span_id": "c1",
        "speaker_id": "sp1",
        "mention_span_id": "m1",
    }


def test_unknown_speakers_and_rejected_cues_are_not_proposed():
    spans = [
        span("m1", "speaker", 4, 9),  # a mention not linked to a speaker
        span("c1", "cue", 10, 14, status="rejected"),
    ]
    guess = guess_claim(TEXT, spans, *QUOTE)
    assert guess["cue_span_id"] is None
    assert guess["speaker_id"] is None and guess["mention_span_id"] is None


def test_near_sorts_by_distance_and_stops_at_the_reach():
    spans = [span("far", "cue", 0, 5), span("close", "cue", 90, 95), span("x", "cue", 900, 905)]
    assert [s["id"] for s in near(spans, "cue", 100, 110)] == ["close", "far"]
    assert [s["id"] for s in near(spans, "cue", 100, 110, reach=50)] == ["close"]
    assert near(spans, "speaker", 100, 110) == []


def test_a_surname_pronoun_or_role_noun_resolves_to_a_known_speaker():
    from annotator.core.tagging import resolve_speaker

    lin = {"id": "l", "name": "Lin Qiao", "aliases": [], "kind": "person"}
    claire = {"id": "c", "name": "Claire Whitfield", "aliases": [], "kind": "person"}
    other = {"id": "o", "name": "Mei Lin", "aliases": [], "kind": "person"}
    ministry = {"id": "m", "name": "Foreign Ministry", "aliases": [], "kind": "organisation"}
    corpus = [lin, claire, other, ministry]
    mentions = [
        {"start": 10, "speaker_id": "c", "status": "accepted"},
        {"start": 50, "speaker_id": "l", "status": "accepted"},
        {"start": 60, "speaker_id": "m", "status": "accepted"},
    ]
    # A surname: the article's speaker first (the corpus has another name ending with it).
    assert resolve_speaker("Whitfield", 100, mentions, corpus)["speaker"] is claire
    assert resolve_speaker("Lin", 100, mentions, corpus)["speaker"] is lin
    # Ambiguous in the corpus (Lin Qiao, Mei Lin) and not in this article: no proposal.
    assert resolve_speaker("Lin", 100, [], corpus) is None
    assert resolve_speaker("Mei", 100, [], corpus)["speaker"] is other
    # Pronouns and role nouns: the nearest preceding full-name speaker of the kind.
    assert resolve_speaker("she", 55, mentions, corpus)["speaker"] is lin
    assert resolve_speaker("she", 20, mentions, corpus)["speaker"] is claire
    assert resolve_speaker("the spokesperson", 100, mentions, corpus)["why"] == "role"
    assert resolve_speaker("it", 100, mentions, corpus)["speaker"] is ministry
    assert resolve_speaker("he", 5, mentions, corpus) is None  # nobody before it
    # An exact name is the speaker itself; plain words are no one.
    assert resolve_speaker("Lin Qiao", 100, mentions, corpus) is None
    assert resolve_speaker("reporters", 100, mentions, corpus) is None


def test_the_sentence_around_a_range_ends_after_its_full_stop_and_quote() -> None:
    text = 'It rained. Lin said "the plan, she added, is fine." Then she left'

    def around(words: str) -> str:
        start = text.index(words)
        first, last = sentence_around(text, start, start + len(words))
        return text[first:last]

    assert around("the plan") == 'Lin said "the plan, she added, is fine."'
    assert around("It") == "It rained."
    assert around("left") == "Then she left"  # no full stop: up to the text's end
    assert around("rained. Lin") == 'It rained. Lin said "the plan, she added, is fine."'
