"""Writing one file whole or not at all: a temporary file beside it, then `os.replace`
(atomic on Windows and POSIX). Used for reports (`sajian.tulis`), imports and cache entries.

A temporary file is named `.asnkinerja-<pid>-<acak>.tmp`. One left behind by a process
that was killed (SIGKILL, a power cut) is removed by the next write to that folder: on
POSIX when its process no longer runs, on Windows when it is no longer open. A process
stopped by Ctrl+C or SIGTERM removes its own (`masuk` turns SIGTERM into an exit that
runs the clean-up below).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

AWALAN = ".asnkinerja-"
_SEMENTARA = re.compile(r"\.asnkinerja-(\d+)-[^/\\]*\.tmp")
_disapu: set[Path] = set()  # folders already swept by this process


def _hidup(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there: rely on the open file
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists (another user's)
        return True
    return True


def _lama(p: Path, detik: float = 600) -> bool:
    """Whether `p` was last written more than `detik` ago (a write in progress is recent)."""
    import time

    try:
        return time.time() - p.stat().st_mtime > detik
    except OSError:
        return False


def sapu(folder: Path) -> list[Path]:
    """Remove the temporary files that dead processes left in `folder` (once per process
    and folder); returns those removed. A file still open elsewhere (Windows) stays."""
    if folder in _disapu:
        return []
    _disapu.add(folder)
    dihapus: list[Path] = []
    try:
        nama = [p.name for p in folder.iterdir() if p.name.startswith(AWALAN)]
    except OSError:
        return dihapus
    for n in nama:
        m = _SEMENTARA.fullmatch(n)
        if m is None or _hidup(int(m.group(1))):
            continue
        if os.name == "nt" and not _lama(folder / n):
            continue  # Windows cannot say whether its process lives: only old ones go
        try:
            (folder / n).unlink()
        except OSError:  # still open (Windows), or already gone
            continue
        dihapus.append(folder / n)
    return dihapus


def tulis_atomik(tujuan: Path, data: bytes, *, pribadi: bool = False) -> None:
    """Write `data` to `tujuan`: on the disk before it takes the name (a report must survive
    a power cut), keeping an existing file's permissions (else 0644).

    `pribadi`: a file of this tool's own (a cache entry), readable by its user only, that
    need not survive a power cut. Raises OSError; nothing is left behind when it does.
    """
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sapu(tujuan.parent)
    fd, sementara = tempfile.mkstemp(
        dir=tujuan.parent, prefix=f"{AWALAN}{os.getpid()}-", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if not pribadi:
                f.flush()
                os.fsync(f.fileno())
        if not pribadi:  # mkstemp makes 0600; keep the old file's mode, or the usual 0644
            mode = tujuan.stat().st_mode & 0o777 if tujuan.exists() else 0o644
            Path(sementara).chmod(mode)
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
