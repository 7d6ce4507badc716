"""The main window's databases, import and export: the File menu."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import AnnotatorError
from ..core.exporting import FORMATS, ExportFilter, export
from ..core.importing import ImportReport, import_paths
from ..core.store import Store
from .backups import offer_damaged_restore
from .qt import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFileDialog,
    QMessageBox,
    QMimeData,
    literal,
)
from .views.common import SAFE_CSV_NOTE
from .workers import BackgroundTask

MAX_RECENT = 8
# Imports are bulk writes outside the undo history; deleting the articles takes one back.
IMPORT_NOT_UNDOABLE = (
    "Import .txt, .md, .jsonl and .csv files. An import cannot be undone: "
    "delete the imported articles to take it back."
)


class FileActions:
    """Part of MainWindow: the File menu (a mixin: it uses the window's widgets and store)."""

    # -- databases, import, export ------------------------------------------------------------

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", str(Path.home() / "annotations.db"), "Annotator database (*.db)"
        )
        if path:
            if Path(path).exists():
                self.show_error(
                    f"{path} already exists: open it with File › Open database, or choose a new name."
                )
                return
            self.switch_database(Path(path))

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(self._db_dir()),
            "Annotator database (*.db *.sqlite);;All files (*)",
        )
        if path:
            self.switch_database(Path(path))

    def _db_dir(self) -> Path:
        return self.session.path.parent if self.session.path else Path.home()

    def switch_database(self, path: Path) -> bool:
        try:
            store = Store(path, annotator=self.store.annotator)
        except AnnotatorError as exc:
            restored = offer_damaged_restore(self, path, str(exc))
            if restored is not None:
                return self.switch_database(restored)
            self.show_error(f"Could not open the database. Your current one stays open.\n\n{exc}")
            return False
        self.session.replace_store(store)
        return True

    def on_database_changed(self) -> None:
        path = str(self.session.path)
        # The one just left goes in the list too (the first one opened was never added).
        left = self.settings.value("database")
        recent = [
            p for p in dict.fromkeys([*([str(left)] if left else []), *self._recent()]) if p != path
        ]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("database", path)
        self._rebuild_recent()
        self.corpus.filter.clear()
        self.corpus.model.reload()
        self._refresh_views()
        self.show_article(None)
        if self.corpus.model.rows:
            self.corpus.select(self.corpus.model.rows[0]["id"])
        self._update_title()
        self._update_counts()
        self._update_undo()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            self.recent_menu.addAction(path, lambda p=path: self.switch_database(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent()))

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            str(Path.home()),
            "Articles (*.txt *.md *.jsonl *.csv *.html *.htm *.mhtml *.mht *.docx *.odt *.pdf"
            " *.zip *.TXT *.DOCX *.HTML *.PDF);;All files (*)",
        )
        if paths:
            self.import_paths(paths)

    # Files and folders dropped onto the window are imported like File › Import.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def import_paths(self, paths: list[str], *, show_dialog: bool = True) -> BackgroundTask:
        task = BackgroundTask(
            self,
            "Importing…",
            self.session.path,
            self.store.annotator,
            lambda store, progress, cancelled: import_paths(
                store, paths, progress=progress, cancelled=cancelled
            ),
            show_dialog=show_dialog,
        )
        task.done.connect(self._imported)
        task.failed.connect(self.show_error)
        self._start(task)
        return task

    def _imported(self, report: ImportReport) -> None:
        self.corpus.reload()
        self._refresh_views()
        self._update_counts()
        if self.article is None and self.corpus.model.rows:
            self.corpus.select(self.corpus.model.rows[0]["id"])
        message = report.summary()
        per_file = report.file_lines()
        if per_file:
            more = f"\n… and {len(per_file) - 10} more files" if len(per_file) > 10 else ""
            message = f"{message}; " + "; ".join(per_file[:10]) + more
        sections = [
            f"{heading}\n"
            + "\n".join(lines[:20])
            + (f"\n… and {len(lines) - 20} more" if len(lines) > 20 else "")
            for heading, lines in (
                ("These could not be imported:", report.errors),
                ("Imported, but note:", report.warnings),
            )
            if lines
        ]
        if sections:
            QMessageBox.warning(self, "Import", literal(f"{message}.\n\n" + "\n\n".join(sections)))
        self.statusBar().showMessage(
            f"{message} (an import cannot be undone: delete the articles to take it back)", 8000
        )
        self._update_undo()

    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export",
            str(Path.home() / "annotations.jsonl"),
            "JSON Lines (*.jsonl);;CSV, one row per span (*.csv);;W3C Web Annotation (*.jsonld)",
        )
        if not path:
            return
        fmt = (
            "csv"
            if "CSV" in chosen or path.endswith(".csv")
            else "w3c"
            if "W3C" in chosen or path.endswith(".jsonld")
            else "jsonl"
        )
        self.export_to(path, fmt)

    def export_to(
        self,
        path: str,
        fmt: str = "jsonl",
        flt: ExportFilter | None = None,
        *,
        show_dialog: bool = True,
    ) -> BackgroundTask:
        assert fmt in FORMATS
        flt = flt or ExportFilter()
        # CSV from the window is for people: safe for spreadsheets unless switched off.
        safe = fmt == "csv" and self.safe_csv_action.isChecked()
        task = BackgroundTask(
            self,
            "Exporting…",
            self.session.path,
            self.store.annotator,
            lambda store, progress, cancelled: export(
                store,
                path,
                fmt=fmt,
                flt=flt,
                progress=progress,
                cancelled=cancelled,
                safe_for_spreadsheets=safe,
            ),
            show_dialog=show_dialog,
        )
        note = f"; {SAFE_CSV_NOTE}" if safe else ""
        task.done.connect(
            lambda n: self.statusBar().showMessage(f"{n} articles exported to {path}{note}", 8000)
        )
        task.failed.connect(self.show_error)
        self._start(task)
        return task

    def _start(self, task: BackgroundTask) -> None:
        self.tasks.append(task)
        task.done.connect(lambda _r, t=task: self.tasks.remove(t) if t in self.tasks else None)
        task.failed.connect(lambda _m, t=task: self.tasks.remove(t) if t in self.tasks else None)
        task.start()


def _local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders a drag carries (web links are not imported)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
