"""The Network tab's build thread: read the positions (on a connection of its own),
cut them into time windows and build the chosen network, off the UI thread; and
its export thread, which writes a built network to a file.

A `BuildRequest` says what to build; with ``statements`` already read (the same
filter as last time, or an in-memory database, which only its own thread can read)
nothing is read again. The thread never touches a widget: it hands a `BuildResult`
back through ``finished``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...core.errors import AnnotatorError
from ...core.network import Actor, Network, Statement, build, time_slices
from ...core.network_files import save
from ...core.store import Store
from ...core.store import queries as q
from ..qt import QObject, Signal

# More edges than this are not drawn (the heaviest are); the export writes them all.
MAX_DRAWN_EDGES = 3000


@dataclass(frozen=True)
class BuildRequest:
    """What to build. ``statements``/``actors``/``layers``: already read under ``flt``
    (None: read them). ``window_days`` 0: no time windows; else ``slice_index`` picks
    one."""

    kind: str
    stances: tuple[str, ...]
    flt: q.NetworkFilter
    window_days: int = 0
    slice_index: int = 0
    statements: list[Statement] | None = None
    actors: dict[str, Actor] | None = None
    layers: list[str] | None = None


@dataclass
class BuildResult:
    """The network built, the part of it drawn, and what it was built from."""

    request: BuildRequest
    statements: list[Statement]
    actors: dict[str, Actor]
    slices: list[tuple[str, list[Statement]]]
    network: Network
    drawn: Network = field(repr=False)
    layers: list[str] = field(default_factory=list)  # with accepted positions

    @property
    def chosen(self) -> list[Statement]:
        """The statements of the slice shown (all of them without time windows)."""
        if not self.slices:
            return self.statements
        return self.slices[self.request.slice_index][1]


def build_network(
    request: BuildRequest,
    db_path: Path | None = None,
    stage: Callable[[str], None] = lambda _text: None,
) -> BuildResult:
    """Read (unless the request carries the statements), slice and build; ``stage``
    hears what is being done.

    Raises:
        AnnotatorError: the database cannot be opened.
        ValueError: neither statements nor a database.
    """
    statements, actors, layers = request.statements, request.actors, request.layers
    if statements is None or actors is None or layers is None:
        if db_path is None:
            raise ValueError("no statements and no database to read them from")
        stage("Reading positions…")
        with Store(db_path) as store:
            statements, actors = q.network_statements(store, request.flt)
            layers = q.network_layers(store)
    stage(f"Building the network of {len(statements):,} positions…")
    slices: list[tuple[str, list[Statement]]] = []
    chosen = statements
    if request.window_days:
        flt = request.flt
        slices = time_slices(statements, request.window_days, start=flt.date_from, end=flt.date_to)
        if slices:
            index = min(request.slice_index, len(slices) - 1)
            request = replace(request, slice_index=index)
            chosen = slices[index][1]
    net = build(request.kind, chosen, actors, stances=request.stances)
    return BuildResult(request, statements, actors, slices, net, heaviest_part(net), layers)


def heaviest_part(net: Network, limit: int = MAX_DRAWN_EDGES) -> Network:
    """``net`` itself, or its ``limit`` heaviest edges and the nodes they join."""
    if len(net.edges) <= limit:
        return net
    heaviest = net.heaviest_edges(limit)
    used = {e.source for e in heaviest} | {e.target for e in heaviest}
    nodes = {n: a for n, a in net.nodes.items() if n in used}
    return Network(net.kind, nodes, heaviest, net.slice)


class BuildJob(QObject):
    """One build in a thread (see `network_layout_job.start_job`).

    Signals: ``stage(generation, text)`` as it goes; ``finished(generation, result)``
    with a `BuildResult`, None when cancelled; ``failed(generation, message)``.
    """

    stage = Signal(int, str)
    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, generation: int, request: BuildRequest, db_path: Path | None) -> None:
        super().__init__()
        self.generation = generation
        self.request = request
        self.db_path = db_path
        self.cancel = threading.Event()

    def run(self) -> None:
        result = None
        try:
            result = build_network(
                self.request, self.db_path, lambda text: self.stage.emit(self.generation, text)
            )
        except AnnotatorError as exc:
            self.failed.emit(self.generation, str(exc))
        except OSError as exc:
            self.failed.emit(self.generation, f"{exc.filename or self.db_path}: {exc.strerror}")
        except Exception:  # a bug: say so plainly, keep the details for a report
            self.failed.emit(self.generation, "Unexpected error:\n" + traceback.format_exc(3))
        self.finished.emit(self.generation, None if self.cancel.is_set() else result)


def networks_to_export(result: BuildResult, fmt: str) -> list[Network]:
    """What an export writes: every time window (GEXF, one network: the one shown),
    else the network built."""
    if not result.slices or fmt == "gexf":
        return [result.network]
    request = result.request
    return [
        build(request.kind, chosen, result.actors, stances=request.stances, slice_label=label)
        for label, chosen in result.slices
    ]


class ExportJob(QObject):
    """Writes a built network to a file in a thread (see `start_job`).

    ``finished(0, (path, error))``: error is None once written, else the reason.
    """

    finished = Signal(int, object)

    def __init__(self, result: BuildResult, fmt: str, path: str | Path) -> None:
        super().__init__()
        self.result = result
        self.fmt = fmt
        self.path = str(path)
        self.cancel = threading.Event()  # writing is not stopped half way

    def run(self) -> None:
        error = None
        try:
            save(networks_to_export(self.result, self.fmt), self.fmt, self.path)
        except (AnnotatorError, OSError) as exc:
            error = str(exc)
        self.finished.emit(0, (self.path, error))
