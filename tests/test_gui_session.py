"""The Session runs user actions and says what changed and who started it."""

from __future__ import annotations

from annotator.core.store import Store
from annotator.gui import operations as ops
from annotator.gui.session import Session


def test_changed_names_the_articles_touched_and_the_initiator(qapp) -> None:
    store = Store(memory=True)
    aid = store.add_article("The minister said the talks would go on.")
    session = Session(store)
    seen: list[tuple] = []
    session.changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    starter = object()
    session.perform(ops.set_status(aid, "done"), initiator=starter)
    session.perform(ops.tag(aid, 4, 12, "speaker"))
    (first, by), (second, nobody) = seen
    assert by is starter and nobody is None
    assert first.articles == {aid} and first.touches("articles")
    assert second.articles == {aid} and second.touches("spans")
    assert store.article(aid)["status"] == "done"


def test_a_failed_action_reports_a_reason_and_no_change(qapp) -> None:
    session = Session(Store(memory=True))
    seen, failed = [], []
    session.changed.connect(lambda *args: seen.append(args))
    session.failed.connect(failed.append)
    assert session.perform(ops.set_status("no-such-article", "done")) is None
    assert failed and not seen
