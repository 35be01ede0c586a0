"""What the screen shows while a long command works: a loading bar, then a spinner."""

from __future__ import annotations

from typing import Any

from asnkinerja.sajian import console


class ProgresMuat:
    """What the screen shows while a long command works, on standard error.

    While files are parsed, a progress bar ("Membaca berkas"); after that, while the
    records are checked and scored (tens of seconds at provincial scale, even with
    every file from the cache), a spinner with the elapsed time. Shown only when
    standard error is a terminal, and only once the command has taken about a second:
    a quick run prints nothing extra, and piped or --json output is never touched.
    """

    JEDA = 1.0

    def __init__(self, aktif: bool = True, sesudah: str = "Memeriksa dan menghitung") -> None:
        import threading
        import time

        self._waktu = time.monotonic
        self._mulai = self._waktu()
        self._aktif = aktif and console.galat_konsol.is_terminal
        self._sesudah = sesudah
        self._bar: Any = None
        self._tugas: Any = None  # the loading bar's task; None while the spinner shows
        # Loading first: files are looked up in the cache and read, then parsed; `muat`
        # reports (0, bytes to parse) once it knows, then bytes done, and (0, 0) if
        # every file came from the cache. Loading is over when all bytes are done.
        self._selesai = 0
        self._total: int | None = None  # not known yet: a bar without a percentage
        self._kunci = threading.Lock()  # the main thread and the timer both start bars
        self._berhenti = threading.Event()
        self._jam: threading.Thread | None = None
        if self._aktif:
            self._jam = threading.Thread(target=self._tunggu, daemon=True)

    def __call__(self, selesai: int, total: int) -> None:
        """`selesai` of `total` bytes parsed; (0, total) as parsing starts."""
        if not self._aktif:
            return
        with self._kunci:
            self._selesai, self._total = selesai, total
            if self._waktu() - self._mulai >= self.JEDA:
                self._tampilkan()

    def _tampilkan(self) -> None:
        """The bar while files are parsed, else the spinner (called with the lock held)."""
        if self._total is not None and self._selesai >= self._total:
            # loading done (or nothing to parse): what follows is checking and scoring
            if self._tugas is not None or self._bar is None:
                self._putar()
            return
        if self._tugas is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self._ganti(
                Progress(
                    TextColumn("Membaca berkas"),
                    BarColumn(),
                    TextColumn("{task.percentage:>3.0f}%"),
                    TimeRemainingColumn(),
                    console=console.nyata(console.galat_konsol),
                    transient=True,
                )
            )
            self._tugas = self._bar.add_task("muat", total=self._total)
        self._bar.update(self._tugas, total=self._total, completed=self._selesai)

    def _ganti(self, bar: Any) -> None:
        if self._bar is not None:
            self._bar.stop()
        self._bar = bar
        bar.start()

    def _putar(self) -> None:
        """The spinner for the work after loading (called with the lock held)."""
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._ganti(
            Progress(
                SpinnerColumn(),
                TextColumn(self._sesudah),
                TimeElapsedColumn(),
                console=console.nyata(console.galat_konsol),
                transient=True,
                refresh_per_second=4,
            )
        )
        self._bar.add_task("hitung", total=None)
        self._tugas = None

    def _tunggu(self) -> None:
        """After JEDA seconds with nothing shown yet: the bar while files are still
        being read (the cache lookup, or a large first file), else the spinner."""
        if self._berhenti.wait(self.JEDA):
            return
        with self._kunci:
            if self._bar is None and not self._berhenti.is_set():
                self._tampilkan()

    def __enter__(self) -> ProgresMuat:
        if self._jam is not None:
            self._jam.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._berhenti.set()
        with self._kunci:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None
