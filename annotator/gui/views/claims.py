"""The Claims view: every claim with its speaker, article, date, kind and status."""

from __future__ import annotations

from ...core.schema import CLAIM_KINDS
from ...core.store import queries as q
from ...core.store.queries import ViewFilter
from ..qt import (
    QHBoxLayout,
    QVBoxLayout,
)
from ..session import Session
from ..wording import plural
from .common import (
    STATUS_CHOICES,
    Column,
    SpeakerBox,
    ViewTab,
    make_combo,
    make_table,
    search_box,
)


class ClaimsTab(ViewTab):
    view = "claims"
    TABLE_EXPORT = True
    COLUMNS = (
        Column("speaker", "Speaker", "speaker", 190),
        Column("text", "Claim", "text", None),
        Column("title", "Article", "title", 250),
        Column("date", "Date", "date", 92),
        Column("kind", "Kind", "kind", 78),
        Column("status", "Status", "status", 86),
    )

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.text = search_box("Words in the claim…")
        self.speaker = SpeakerBox(self.session)
        self.status = make_combo(list(STATUS_CHOICES))
        self.kind = make_combo([("Any kind", None), *((k, k) for k in CLAIM_KINDS)])
        self.model = self.filtered_model(self.COLUMNS, q.claims_page, q.claims_count, "corpus")
        self.table = make_table(self.model)
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        top.addWidget(self.speaker, 2)
        top.addWidget(self.status)
        top.addWidget(self.kind)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._timer = self._debounced(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.speaker.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(lambda n: self.count_label.setText(plural(n, "claim")))
        self.table.doubleClicked.connect(lambda i: self._open_row(self.model.row(i.row())))

    def view_filter(self) -> ViewFilter:
        return ViewFilter(
            text=self.text.text().strip(),
            status=self.status.currentData(),
            kind=self.kind.currentData(),
            layers=self.layers(),
            **self.speaker.speaker_filter(),
        )

    def set_filter(
        self,
        *,
        text: str | None = None,
        speaker_name: str | None = None,
        speaker_id: str | None = None,
        status: str | bool | None = False,
        kind: str | bool | None = False,
    ) -> None:
        """Set filter fields (those given) and re-query at once."""
        for box in (self.text, self.speaker, self.status, self.kind):
            box.blockSignals(True)
        try:
            if text is not None:
                self.text.setText(text)
            if speaker_name is not None:
                self.speaker.set_speaker(speaker_id, speaker_name)
            if status is not False:
                self.status.setCurrentIndex(max(0, self.status.findData(status)))
            if kind is not False:
                self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        finally:
            for box in (self.text, self.speaker, self.status, self.kind):
                box.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.model.reload()
