"""Writing one file whole or not at all: a temporary file beside it, then `os.replace`
(atomic on Windows and POSIX). Used for reports (`sajian.tulis`) and cache entries."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def tulis_atomik(tujuan: Path, data: bytes, *, pribadi: bool = False) -> None:
    """Write `data` to `tujuan`: on the disk before it takes the name (a report must survive
    a power cut), keeping an existing file's permissions (else 0644).

    `pribadi`: a file of this tool's own (a cache entry), readable by its user only, that
    need not survive a power cut. Raises OSError; nothing is left behind when it does.
    """
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=f".{tujuan.name}.", suffix=".tmp")
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
