"""Writing files safely: atomically (`atomik`), and never losing what was there before.

An existing file that would be replaced is first copied into a hidden
`.cadangan/<waktu>/` folder of the target folder, which the workspace loader skips.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from asnkinerja.atomik import tulis_atomik
from asnkinerja.errors import FolderTidakKosong, GagalMenulis


class Penulis:
    """Writes files under `akar`, backing up any it replaces into one backup folder."""

    def __init__(self, akar: Path, cadangan: bool = True) -> None:
        if akar.exists() and not akar.is_dir():
            raise FolderTidakKosong(f"{akar} adalah berkas, bukan folder; pilih folder keluaran")
        self.akar = akar
        self.cadangan = cadangan
        self._folder_cadangan: Path | None = None
        self.ditulis: list[Path] = []
        self.dicadangkan: list[Path] = []

    def _cadangkan(self, tujuan: Path) -> None:
        if self._folder_cadangan is None:
            waktu = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = self.akar / ".cadangan" / waktu
            ke = 1
            while folder.exists():  # two runs in one second must not share a backup
                ke += 1
                folder = self.akar / ".cadangan" / f"{waktu}-{ke}"
            self._folder_cadangan = folder
        salinan = self._folder_cadangan / tujuan.relative_to(self.akar)
        salinan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(tujuan, salinan)
        self.dicadangkan.append(salinan)

    def tulis(self, nama: str, isi: str | bytes) -> Path:
        """Write `isi` (text is UTF-8) to `akar/nama`."""
        tujuan = self.akar / nama
        data = isi.encode("utf-8") if isinstance(isi, str) else isi
        try:
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            if self.cadangan and tujuan.is_file():
                self._cadangkan(tujuan)
            tulis_atomik(tujuan, data)
        except OSError as e:
            raise GagalMenulis(
                f"tidak dapat menulis {tujuan}: {e.strerror or e}; pastikan folder dapat "
                "ditulisi dan berkas tidak sedang dibuka di program lain"
            ) from e
        self.ditulis.append(tujuan)
        return tujuan

    @property
    def folder_cadangan(self) -> Path | None:
        return self._folder_cadangan
