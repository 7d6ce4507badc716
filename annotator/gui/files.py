"""Databases, import and export: the File menu.

The FileController is composed into the main window; ``FilesHost`` lists what it uses
of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ..core.assigning import Plan, write_coder_files
from ..core.errors import AnnotatorError, InputError
from ..core.exporting import FORMATS, ExportFilter, export
from ..core.importing import ImportReport, import_paths
from ..core.merging import MergeCancelled, merge_file
from ..core.store import Store
from .assign_dialog import AssignDialog
from .backups import offer_damaged_restore
from .corpus_list import CorpusPanel
from .export_choice import ask_export_path
from .qt import QDialog, QFileDialog, QMenu, QMessageBox, QMimeData, QSettings, literal
from .session import Session
from .wording import SAFE_CSV_NOTE, plural
from .workers import BackgroundTask

MAX_RECENT = 8


class FilesHost(Protocol):
    """What the file controller uses of the window."""

    session: Session
    settings: QSettings
    corpus: CorpusPanel
    article: dict[str, Any] | None

    def show_article(self, article: dict[str, Any] | None) -> None: ...
    def refresh_views(self) -> None: ...
    def update_title(self) -> None: ...
    def update_counts(self) -> None: ...
    def reload_all(self) -> None: ...
    def update_undo(self) -> None: ...
    def safe_csv(self) -> bool: ...
    def show_message(self, text: str, timeout_ms: int) -> None: ...
    def show_error(self, message: str) -> None: ...


class FileController:
    """Opens and creates databases, keeps the recent list, imports and exports."""

    def __init__(self, window: FilesHost, recent_menu: QMenu) -> None:
        self.w = window
        self.recent_menu = recent_menu

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w, "New database", str(Path.home() / "annotations.db"), "Annotator database (*.db)"
        )
        if path:
            if Path(path).exists():
                self.w.show_error(
                    f"{path} already exists: open it with File › Open database, or choose a new name."
                )
                return
            self.switch_database(Path(path))

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w,
            "Open database",
            str(self._db_dir()),
            "Annotator database (*.db *.sqlite);;All files (*)",
        )
        if path:
            self.switch_database(Path(path))

    def _db_dir(self) -> Path:
        return self.w.session.path.parent if self.w.session.path else Path.home()

    def switch_database(self, path: Path) -> bool:
        try:
            store = Store(path, annotator=self.w.session.store.annotator)
        except AnnotatorError as exc:
            restored = offer_damaged_restore(self.w, path, str(exc))
            if restored is not None:
                return self.switch_database(restored)
            self.w.show_error(f"Could not open the database. Your current one stays open.\n\n{exc}")
            return False
        self.w.session.replace_store(store)
        return True

    def on_database_changed(self) -> None:
        path = str(self.w.session.path)
        # The one just left goes in the list too (the first one opened was never added).
        left = self.w.settings.value("database")
        recent = [
            p for p in dict.fromkeys([*([str(left)] if left else []), *self._recent()]) if p != path
        ]
        self.w.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self.w.settings.setValue("database", path)
        self.rebuild_recent()
        self.w.corpus.filter.clear()
        self.w.corpus.model.reload()
        self.w.refresh_views()
        self.w.show_article(None)
        if self.w.corpus.model.rows:
            self.w.corpus.select(self.w.corpus.model.rows[0]["id"])
        self.w.update_title()
        self.w.update_counts()
        self.w.update_undo()

    def _recent(self) -> list[str]:
        value = self.w.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            self.recent_menu.addAction(path, lambda p=path: self.switch_database(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent()))

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w,
            "Import articles",
            str(Path.home()),
            "Articles (*.txt *.md *.jsonl *.csv *.html *.htm *.mhtml *.mht *.docx *.odt *.pdf"
            " *.zip *.TXT *.DOCX *.HTML *.PDF);;All files (*)",
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str], *, show_dialog: bool = True) -> BackgroundTask:
        task = self.w.session.background(
            self.w,
            "Importing…",
            lambda store, progress, cancelled: import_paths(
                store, paths, progress=progress, cancelled=cancelled
            ),
            show_dialog=show_dialog,
        )
        task.done.connect(self._imported)
        task.failed.connect(self.w.show_error)
        return task

    def assign_dialog(self) -> None:
        dialog = AssignDialog(self.w, self.w.session.store.articles.ids())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen, folder = dialog.chosen(), dialog.folder()
        if chosen is not None and folder is not None:
            self.assign(chosen, folder)

    def assign(self, chosen: Plan, folder: Path, *, show_dialog: bool = True) -> BackgroundTask:
        """Write the coders' files in the background (progress: coders done)."""

        def job(store: Store, progress, cancelled) -> dict[str, Path]:
            done = iter(range(1, len(chosen.coders) + 1))
            return write_coder_files(
                store,
                chosen,
                folder,
                progress=lambda _coder: progress(next(done), len(chosen.coders)),
            )

        task = self.w.session.background(self.w, "Assigning…", job, show_dialog=show_dialog)
        task.done.connect(
            lambda paths: self.w.show_message(
                f"Wrote {len(paths)} coders' files to {folder}; the reliability sample "
                f"({len(chosen.sample):,} articles) is recorded in this database",
                10000,
            )
        )
        task.failed.connect(self.w.show_error)
        return task

    def merge_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w,
            "Merge analysts' files",
            str(Path.home()),
            "Annotator databases and exports (*.db *.jsonl);;All files (*)",
        )
        if paths:
            self.merge_files(paths)

    def merge_files(self, paths: list[str], *, show_dialog: bool = True) -> BackgroundTask:
        """Merge other analysts' files in the background (progress: files done)."""

        def job(store: Store, progress, cancelled) -> list[str]:
            lines = []
            for done, path in enumerate(paths):
                try:
                    lines.append(merge_file(store, path, cancelled=cancelled).line())
                except MergeCancelled as exc:
                    lines.append(str(exc))
                    break
                except InputError as exc:
                    lines.append(str(exc))
                progress(done + 1, len(paths))
            return lines

        task = self.w.session.background(self.w, "Merging…", job, show_dialog=show_dialog)
        task.done.connect(self._merged)
        task.failed.connect(self.w.show_error)
        return task

    def _merged(self, lines: list[str]) -> None:
        self.w.reload_all()
        if show := "\n".join(lines):
            QMessageBox.information(self.w, "Merge", literal(show))
        self.w.show_message(lines[-1] if lines else "", 8000)

    def _imported(self, report: ImportReport) -> None:
        self.w.corpus.reload()
        self.w.refresh_views()
        self.w.update_counts()
        if self.w.article is None and self.w.corpus.model.rows:
            self.w.corpus.select(self.w.corpus.model.rows[0]["id"])
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
            QMessageBox.warning(
                self.w, "Import", literal(f"{message}.\n\n" + "\n\n".join(sections))
            )
        self.w.show_message(
            f"{message} (an import cannot be undone: delete the articles to take it back)", 8000
        )
        self.w.update_undo()

    def export_dialog(self) -> None:
        chosen = ask_export_path(self.w, "Export", Path.home() / "annotations.jsonl")
        if chosen:
            self.export_to(*chosen)

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
        safe = fmt == "csv" and self.w.safe_csv()
        task = self.w.session.background(
            self.w,
            "Exporting…",
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
            lambda n: self.w.show_message(f"{plural(n, 'article')} exported to {path}{note}", 8000)
        )
        task.failed.connect(self.w.show_error)
        return task


def local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders a drag carries (web links are not imported)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
