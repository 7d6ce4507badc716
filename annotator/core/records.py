"""Checking one incoming record (an article with its annotations) before it is stored.

A record is the export shape of docs/format.md, or one of the smaller shapes other tools
write (minimal ``{"text", "title"}``, doccano ``label``/``entities``, Prodigy
``spans``). ``prepare_record`` turns any of them into the export shape with every
offset checked against the stored text, or raises ``InputError`` with the reason.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from . import schema
from .errors import InputError
from .metadata import extract_metadata, parse_date
from .textio import normalise_text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class OffsetMap:
    """Maps offsets in a raw text onto its normalised form (BOM and CR removed)."""

    def __init__(self, raw: str) -> None:
        removed = [0] if raw.startswith("\ufeff") else []
        removed += [m.start() for m in re.finditer("\r\n", raw)]
        self._removed = removed

    def __bool__(self) -> bool:
        return bool(self._removed)

    def __call__(self, offset: int) -> int:
        return offset - bisect.bisect_left(self._removed, offset)


def _fail(reason: str) -> InputError:
    return InputError(reason)


def _surrogate_field(value: Any, where: str = "") -> str | None:
    """The first field (or key) holding a lone surrogate, as a dotted path; else None."""
    try:
        # One pass in C over the whole record; the walk below only names the field.
        flat = json.dumps(value, ensure_ascii=False, check_circular=False)
    except (TypeError, ValueError, RecursionError):
        flat = None
    if flat is not None and not _LONE_SURROGATE.search(flat):
        return None
    stack = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                return path or "record"
        elif isinstance(item, dict):
            for key, sub in item.items():
                shown = key if key.isidentifier() else json.dumps(key)
                name = f"{path}.{shown}" if path else shown
                if _LONE_SURROGATE.search(key):
                    return path or "record"
                stack.append((sub, name))
        elif isinstance(item, list):
            stack.extend((sub, f"{path}[{i}]") for i, sub in enumerate(item))
    return None


def _opt_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise _fail(f'"{key}" must be a string')
    value = str(value).strip()
    return value or None


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"{what} must be a whole number, not {value!r}")
    return value


def prodigy_answer(raw: dict[str, Any]) -> str | None:
    """A Prodigy record's ``answer`` ("accept", "reject" or "ignore"); None for other shapes."""
    answer = raw.get("answer") if isinstance(raw, dict) else None
    return answer if answer in ("accept", "reject", "ignore") else None


def _record_annotator(raw: dict[str, Any], default: str) -> str:
    """Who annotated a record: Prodigy names the annotator per record, not per span."""
    for key in ("_annotator_id", "_session_id"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return default


def prepare_record(raw: dict[str, Any], *, default_annotator: str = "import") -> dict[str, Any]:
    """Check and normalise one incoming record; raise InputError naming the problem.

    Returns ``{"article", "spans", "speakers", "claims", "positions", "notes"}``.
    Every span, claim and position carries its ``annotator``: as the record names it,
    else (claims) that of its first content span, (positions) that of its first
    evidence claim, else the record's annotator (Prodigy's, or ``default_annotator``).
    The article's ``statuses`` (analyst -> status) are the record's, else its status
    given to the record's annotator (a todo article has none).
    Spans carry a ``key`` (their id, or a key of their own when they have none) that
    claims and speakers refer to. A claim-labelled span that no claim of the record
    uses becomes a claim without speaker, as tagging it in the window does (unless
    the record is this tool's export, whose claims are complete). Spans of a Prodigy
    record answered "reject" are stored rejected. ``notes`` holds what the importer
    reports once per file: ``"date"`` when a date could not be read (it is kept as
    written in ``meta``).
    """
    raw_text, text = _checked_text(raw)
    remap = OffsetMap(raw_text) if text != raw_text else None

    meta = extract_metadata(text)
    notes: list[str] = []
    extra_meta = dict(raw["meta"]) if isinstance(raw.get("meta"), dict) else {}
    date_key = "published" if _opt_str(raw, "published") else "date"
    published = _opt_str(raw, date_key)
    if published and not _ISO_DATE.match(published):
        parsed = parse_date(published)
        if parsed is None:
            # Never dropped without trace: kept as written, and reported.
            extra_meta.setdefault(date_key, published)
            notes.append("date")
        published = parsed
    # In our own export a field set to null was empty in the database: keep it so,
    # or an export, imported and exported again, would differ.
    exported = "schema_version" in raw

    def guess(key: str, value: str | None, extracted: str | None) -> str | None:
        return value if value is not None or (exported and key in raw) else extracted

    status = raw.get("status") or "todo"
    if status not in schema.ARTICLE_STATUSES:
        raise _fail(f"unknown article status {status!r}")
    article = {
        "id": _opt_str(raw, "id"),
        "title": guess("title", _opt_str(raw, "title"), meta.title),
        "source": guess("source", _opt_str(raw, "source"), meta.source),
        "place": guess("place", _opt_str(raw, "place"), meta.place),
        "published": guess("published", published, meta.published),
        "url": _opt_str(raw, "url"),
        "status": status,
        "text": text,
        "meta": extra_meta,
    }
    rejected = prodigy_answer(raw) == "reject"
    who = _record_annotator(raw, default_annotator)
    article["statuses"] = _statuses(raw.get("statuses"), status, who)
    spans = _spans(raw, text, remap, who, rejected)
    span_ids = {s["id"] for s in spans if s["id"]}
    speakers = _speakers(raw.get("speakers"), span_ids)
    speaker_ids = {s["id"] for s in speakers if s["id"]}
    claims = _claims(raw.get("claims"), span_ids, speaker_ids)
    if not (exported and isinstance(raw.get("claims"), list)):
        claims += _claims_of_claim_spans(spans, claims)
    positions = _positions(raw.get("positions"), {c["id"] for c in claims if c["id"]}, speaker_ids)
    _fill_annotators(spans, claims, positions, who)
    return {
        "article": article,
        "spans": spans,
        "speakers": speakers,
        "claims": claims,
        "positions": positions,
        "notes": notes,
    }


def _statuses(value: Any, status: str, who: str) -> dict[str, str]:
    """The per-analyst statuses of a record (see prepare_record)."""
    if value is None:
        return {} if status == "todo" else {who: status}
    if not isinstance(value, dict):
        raise _fail('"statuses" must be an object of annotator names and statuses')
    for name, each in value.items():
        if not name.strip() or each not in schema.ARTICLE_STATUSES:
            raise _fail(f"unknown article status {each!r} for annotator {name!r}")
    return dict(value)


def _fill_annotators(
    spans: list[dict], claims: list[dict], positions: list[dict], who: str
) -> None:
    """Give every claim and position the annotator it has, else its layer's (see above)."""
    span_annotator = {s["key"]: s["annotator"] for s in spans}
    claim_annotator = {}
    for claim in claims:
        if not claim.get("annotator"):
            first = claim["spans"][0] if claim["spans"] else None
            claim["annotator"] = span_annotator.get(first) or who
        if claim["id"]:
            claim_annotator[claim["id"]] = claim["annotator"]
    for pos in positions:
        if not pos.get("annotator"):
            first = pos["evidence"][0] if pos["evidence"] else None
            pos["annotator"] = claim_annotator.get(first) or who


def _checked_text(raw: Any) -> tuple[str, str]:
    """The record's text as given and as stored (normalised); raise InputError when the
    record is no object or its text is missing, empty or holds what SQLite cannot keep."""
    if not isinstance(raw, dict):
        raise _fail(f"expected a JSON object, got {type(raw).__name__}")
    raw_text = raw.get("text")
    if raw_text is None:
        raise _fail('missing "text" field')
    if not isinstance(raw_text, str):
        raise _fail('"text" must be a string')
    if _LONE_SURROGATE.search(raw_text):
        raise _fail('"text" holds an invalid character (a lone UTF-16 surrogate)')
    bad = _surrogate_field(raw)
    if bad is not None:
        # SQLite stores UTF-8, which has no lone surrogates: refuse here, with the field.
        raise _fail(f'"{bad}" holds an invalid character (a lone UTF-16 surrogate)')
    if "\x00" in raw_text:
        # SQLite's length() and substr() stop at a NUL: nothing after it could be tagged.
        raise _fail('"text" holds a NUL character (U+0000), as binary data does')
    text = normalise_text(raw_text)
    if not text.strip():
        raise _fail('"text" is empty')
    return raw_text, text


def _claims_of_claim_spans(
    spans: list[dict[str, Any]], claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A claim (no speaker, no id yet) for each claim-labelled span no claim uses."""
    used = {key for claim in claims for key in claim["spans"]}
    return [
        {
            "id": None,
            "spans": [span["key"]],
            "speaker": None,
            "mention": None,
            "cue": None,
            "kind": "direct",
            "status": span["status"],
            "note": None,
        }
        for span in spans
        if span["label"] == "claim" and span["key"] not in used
    ]


def _raw_spans(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans of any supported shape, as dicts with start, end, label and optional rest."""
    found: list[dict[str, Any]] = []
    spans = raw.get("spans")
    if spans is not None:
        if not isinstance(spans, list):
            raise _fail('"spans" must be a list')
        for i, span in enumerate(spans):
            if not isinstance(span, dict):
                raise _fail(f"span {i + 1} must be an object")
            found.append(dict(span))
    label = raw.get("label")
    if isinstance(label, list):  # doccano: [[start, end, "LABEL"], ...]
        for i, item in enumerate(label):
            if not (isinstance(item, list) and len(item) == 3):
                raise _fail(f'doccano "label" item {i + 1} must be [start, end, "LABEL"]')
            found.append({"start": item[0], "end": item[1], "label": item[2]})
    entities = raw.get("entities")
    if isinstance(entities, list):  # newer doccano
        for i, item in enumerate(entities):
            if not isinstance(item, dict):
                raise _fail(f"entity {i + 1} must be an object")
            found.append(
                {
                    "start": item.get("start_offset"),
                    "end": item.get("end_offset"),
                    "label": item.get("label"),
                }
            )
    return found


def _spans(
    raw: dict, text: str, remap: OffsetMap | None, annotator: str, rejected: bool
) -> list[dict[str, Any]]:
    spans = []
    seen: set[str] = set()
    for i, span in enumerate(_raw_spans(raw), start=1):
        what = f"span {i}"
        start = _int(span.get("start"), f"{what} start")
        end = _int(span.get("end"), f"{what} end")
        label = span.get("label")
        if not isinstance(label, str) or not label.strip():
            raise _fail(f"{what} has no label")
        if remap:
            start, end = remap(start), remap(end)
        if not (0 <= start < end <= len(text)):
            raise _fail(f"{what} offsets {start}-{end} are outside the text (0-{len(text)})")
        given = span.get("text")
        if given is not None:
            if not isinstance(given, str):
                raise _fail(f"{what} text must be a string")
            # Line endings as in the text; a U+FEFF inside a text is a character,
            # kept in the text and so kept in a span that starts with it.
            endings = given.replace("\r\n", "\n").replace("\r", "\n")
            if text[start:end] not in (endings, normalise_text(given)):
                raise _fail(
                    f"{what} text {given[:40]!r} does not match the article at "
                    f"{start}-{end} ({text[start:end][:40]!r})"
                )
        status = span.get("status") or ("rejected" if rejected else "accepted")
        if status not in schema.SPAN_STATUSES:
            raise _fail(f"{what} has unknown status {status!r}")
        span_id = _opt_str(span, "id")
        if span_id:
            if span_id in seen:
                raise _fail(f"span id {span_id} appears twice")
            seen.add(span_id)
        spans.append(
            {
                "id": span_id,
                # Spans without an id (doccano, Prodigy) still need a key within the
                # record; a tuple never equals an id from the file.
                "key": span_id or ("span", i),
                "start": start,
                "end": end,
                "text": text[start:end],
                "label": _label(label),
                "annotator": _opt_str(span, "annotator") or annotator,
                "status": status,
                "note": span.get("note") if isinstance(span.get("note"), str) else None,
                "created": _opt_str(span, "created"),
                "updated": _opt_str(span, "updated"),
                "reviewer": _opt_str(span, "reviewer"),
                "reviewed_at": _opt_str(span, "reviewed_at"),
            }
        )
    return spans


def _label(label: str) -> str:
    # Other tools write SPEAKER or Claim; ours are lower case, theirs stay as they are.
    label = label.strip()
    return label.lower() if label.lower() in schema.DEFAULT_LABELS else label


def _list_of_objects(value: Any, what: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _fail(f'"{what}" must be a list of objects')
    return value


def _ref(value: Any, known: set[str], what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in known:
        raise _fail(f"{what} refers to unknown id {value!r}")
    return value


def _speakers(value: Any, span_ids: set[str]) -> list[dict[str, Any]]:
    speakers = []
    for i, spk in enumerate(_list_of_objects(value, "speakers"), start=1):
        sid, name = _opt_str(spk, "id"), _opt_str(spk, "name")
        if not name:
            raise _fail(f"speaker {i} needs a name")
        kind = spk.get("kind") or "person"
        if kind not in schema.SPEAKER_KINDS:
            raise _fail(f"speaker {name!r} has unknown kind {kind!r}")
        aliases = spk.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _fail(f"speaker {name!r}: aliases must be a list of strings")
        mentions = spk.get("mentions") or []
        if not isinstance(mentions, list):
            raise _fail(f"speaker {name!r}: mentions must be a list of span ids")
        mentions = [_ref(m, span_ids, f"speaker {name!r} mention") for m in mentions]
        speakers.append(
            {
                "id": sid,
                "name": name,
                "kind": kind,
                "role": _opt_str(spk, "role"),
                "affiliation": _opt_str(spk, "affiliation"),
                "aliases": aliases,
                "mentions": mentions,
            }
        )
    return speakers


def _claims(value: Any, span_ids: set[str], speaker_ids: set[str]) -> list[dict[str, Any]]:
    claims = []
    for i, claim in enumerate(_list_of_objects(value, "claims"), start=1):
        cid = _opt_str(claim, "id")
        if not cid:
            raise _fail(f"claim {i} needs an id")
        content = claim.get("spans") or []
        if not isinstance(content, list) or not content:
            raise _fail(f"claim {cid} needs a list of span ids")
        kind = claim.get("kind") or "direct"
        if kind not in schema.CLAIM_KINDS:
            raise _fail(f"claim {cid} has unknown kind {kind!r}")
        status = claim.get("status") or "accepted"
        if status not in schema.SPAN_STATUSES:
            raise _fail(f"claim {cid} has unknown status {status!r}")
        claims.append(
            {
                "id": cid,
                "spans": [_ref(s, span_ids, f"claim {cid} span") for s in content],
                "speaker": _ref(claim.get("speaker"), speaker_ids, f"claim {cid} speaker"),
                "mention": _ref(claim.get("mention"), span_ids, f"claim {cid} mention"),
                "cue": _ref(claim.get("cue"), span_ids, f"claim {cid} cue"),
                "kind": kind,
                "status": status,
                "annotator": _opt_str(claim, "annotator"),
                "note": claim.get("note") if isinstance(claim.get("note"), str) else None,
                "proposed_speaker": _proposed_speaker(claim.get("proposed_speaker"), cid),
            }
        )
    return claims


def _proposed_speaker(value: Any, cid: str) -> dict[str, Any] | None:
    """A suggestion's proposed speaker: {"name", "kind", "role", "affiliation"} or None."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        raise _fail(f"claim {cid}: proposed_speaker must be an object with a name")
    out: dict[str, Any] = {"name": value["name"]}
    for key in ("kind", "role", "affiliation"):
        item = value.get(key)
        if item is not None and not isinstance(item, str):
            raise _fail(f"claim {cid}: proposed_speaker {key} must be a string or null")
        out[key] = item
    return out


def _positions(value: Any, claim_ids: set[str], speaker_ids: set[str]) -> list[dict[str, Any]]:
    positions = []
    for i, pos in enumerate(_list_of_objects(value, "positions"), start=1):
        pid, target = _opt_str(pos, "id"), _opt_str(pos, "target")
        if not pid or not target:
            raise _fail(f"position {i} needs an id and a target")
        stance = pos.get("stance")
        if stance not in schema.STANCES:
            raise _fail(f"position {pid} has unknown stance {stance!r}")
        status = pos.get("status") or "accepted"
        if status not in schema.SPAN_STATUSES:
            raise _fail(f"position {pid} has unknown status {status!r}")
        evidence = pos.get("evidence") or []
        if not isinstance(evidence, list):
            raise _fail(f"position {pid}: evidence must be a list of claim ids")
        positions.append(
            {
                "id": pid,
                "target": target,
                "stance": stance,
                "status": status,
                "annotator": _opt_str(pos, "annotator"),
                "speaker": _ref(pos.get("speaker"), speaker_ids, f"position {pid} speaker"),
                "evidence": [_ref(c, claim_ids, f"position {pid} evidence") for c in evidence],
                "note": pos.get("note") if isinstance(pos.get("note"), str) else None,
            }
        )
    return positions
