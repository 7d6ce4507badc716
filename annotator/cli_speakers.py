"""``annotator speakers``: merge suggestions and merges from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .core.actors import Cluster, Suggestions, suggest_from_store
from .core.store import Store


class SpeakerNotFound(Exception):
    """A name or id on the command line that names no speaker, or several."""


def add_parser(sub: Any) -> None:
    """Add ``speakers suggest-merges`` and ``speakers merge`` to the command parser."""
    spk = sub.add_parser("speakers", help="find and merge speakers that are one actor")
    actions = spk.add_subparsers(dest="speakers_command", metavar="ACTION", required=True)
    sug = actions.add_parser(
        "suggest-merges",
        help="clusters of speakers that are probably one actor, and sources that are not actors",
    )
    sug.add_argument("--format", choices=("table", "json"), default="table")
    sug.add_argument(
        "--min-mentions",
        type=int,
        default=0,
        metavar="N",
        help="leave out clusters with fewer mentions in all",
    )
    merge = actions.add_parser(
        "merge", help="merge speakers into one (by name or id); their names become aliases"
    )
    merge.add_argument("keep", metavar="KEEP", help="the speaker to keep")
    merge.add_argument("others", nargs="+", metavar="OTHER", help="speakers merged into it")


def run(store: Store, args: argparse.Namespace) -> int:
    if args.speakers_command == "suggest-merges":
        suggestions = suggest_from_store(store, min_mentions=args.min_mentions)
        if args.format == "json":
            json.dump(suggestions.to_json(), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(format_table(suggestions))
        return 0
    return _merge(store, args.keep, args.others)


def resolve_speaker(store: Store, text: str) -> dict[str, Any]:
    """The one speaker ``text`` names: an id, else a name or alias (any case).

    Raises:
        SpeakerNotFound: no speaker, or several, go by it (the message says which).
    """
    found = store.speaker(text)
    if found is not None:
        return found
    named = store.speakers_called(text)
    if len(named) == 1:
        return named[0]
    if not named:
        raise SpeakerNotFound(f"no speaker is named or has the id {text!r}")
    ids = ", ".join(f"{row['id']} ({row['name']})" for row in named)
    raise SpeakerNotFound(f"{text!r} names {len(named)} speakers: {ids}; give the id instead")


def _merge(store: Store, keep_text: str, other_texts: list[str]) -> int:
    try:
        keep = resolve_speaker(store, keep_text)
        others = [resolve_speaker(store, text) for text in other_texts]
    except SpeakerNotFound as exc:
        print(f"annotator: speakers merge: {exc}; nothing was merged", file=sys.stderr)
        return 1
    other_ids = list(dict.fromkeys(row["id"] for row in others if row["id"] != keep["id"]))
    if not other_ids:
        print(
            f"annotator: speakers merge: nothing to merge into {keep['name']!r} "
            "(give other speakers than the one kept)",
            file=sys.stderr,
        )
        return 1
    store.merge_speaker_groups([(keep["id"], other_ids)])
    names = ", ".join(row["name"] for row in others if row["id"] in other_ids)
    print(f"merged {names} into {keep['name']} (Edit › Undo in the window takes it back)")
    return 0


def _cluster_lines(cluster: Cluster) -> list[str]:
    others = [m for m in cluster.members if m["id"] != cluster.keep_id]
    also = ", ".join(f"{m['name']} ({m['mentions']})" for m in others)
    if cluster.ambiguous:
        head = (
            f"{cluster.mentions:>6}        "
            + also
            + "  →  "
            + " or ".join(c["name"] for c in cluster.candidates)
        )
    else:
        keep = cluster.members[0]
        head = (
            f"{cluster.mentions:>6}  {cluster.confidence:.2f}  "
            f"{keep['name']} ({keep['mentions']})  ←  {also}"
        )
    lines = [head, f"{'':16}{cluster.rule}"]
    lines += [f"{'':16}“{ex['sentence']}”" for ex in cluster.examples]
    return lines


def format_table(suggestions: Suggestions) -> str:
    """The suggestions as text for a terminal: merges, ambiguous short forms, non-actors."""
    merges = [c for c in suggestions.clusters if not c.ambiguous]
    ambiguous = [c for c in suggestions.clusters if c.ambiguous]
    out = [
        f"{len(merges)} suggested merge{'s' if len(merges) != 1 else ''}, "
        f"{len(ambiguous)} ambiguous, {len(suggestions.not_actors)} not actors",
        "",
        "mentions  conf  keep (mentions)  ←  merged into it",
    ]
    for cluster in merges:
        out += _cluster_lines(cluster)
    if ambiguous:
        out += ["", "ambiguous: never merged automatically (mentions, name  →  candidates)"]
        for cluster in ambiguous:
            out += _cluster_lines(cluster)
    if suggestions.not_actors:
        out += ["", "not actors: proposed as kind other (mentions, name, why)"]
        for item in suggestions.not_actors:
            out.append(f"{item.mentions:>6}  {item.name}  ({item.reason})")
    return "\n".join(out) + "\n"
