"""The engine's value types stay frozen, comparable and hashable values."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from annotator.core.suggest.model import SpanRef, SuggestedClaim, SuggestedSpeaker


def _claim() -> SuggestedClaim:
    return SuggestedClaim(
        content=(SpanRef(0, 9, "The ferry"),),
        cue=SpanRef(20, 24, "said"),
        mention=SpanRef(10, 19, "the mayor"),
        speaker=SuggestedSpeaker("Ana Roe", "person", role="mayor"),
        kind="indirect",
    )


def test_values_cannot_be_changed() -> None:
    claim = _claim()
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.kind = "direct"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.content[0].start = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.speaker.name = "Lee"  # type: ignore[misc, union-attr]


def test_values_compare_hash_copy_and_print_by_their_fields() -> None:
    claim = _claim()
    assert claim == _claim() and hash(claim) == hash(_claim())
    assert claim != dataclasses.replace(claim, kind="mixed")
    assert dataclasses.replace(claim.speaker, role=None) == SuggestedSpeaker("Ana Roe", "person")
    assert pickle.loads(pickle.dumps(claim)) == claim
    assert repr(claim.cue) == "SpanRef(start=20, end=24, text='said')"
    assert dataclasses.asdict(claim.speaker) == {
        "name": "Ana Roe",
        "kind": "person",
        "role": "mayor",
        "affiliation": None,
        "known_id": None,
    }
