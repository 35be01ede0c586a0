"""The cache of parsed files is never stale: every change between runs is seen.

Each step changes the workspace the way an officer (or a copy tool) might, then
compares a run that may use the cache with a run that may not. The outputs
compared name files and lines (periksa, jelaskan) and carry every number
(evaluasi --json), so a stale entry anywhere would show; periksa and evaluasi (its
terminal summary, --json and --format outputs) are also kept whole (`asnkinerja.ingat`,
stored by `cache.Cache.simpan_hasil`) and shown again unchanged by the second run of
each step.
"""

from __future__ import annotations

import datetime
import os
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from asnkinerja import api
from asnkinerja.baca import cache, sidik
from asnkinerja.baca import muat as baca_muat
from asnkinerja.cli import app
from asnkinerja.inti.periksa import HasilPeriksa
from asnkinerja.sajian import keluaran

from conftest import HARI_INI, WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]
NIP = "198609262010052004"


def _keluaran(ruang: Path, *opsi: str) -> list[str]:
    """What a user sees: problems with lines, every number, one explanation."""
    hasil = []
    for perintah in (
        ["periksa", str(ruang), "--json"],
        ["periksa", str(ruang)],
        ["evaluasi", str(ruang), "--periode", "2025", *TGL],
        ["evaluasi", str(ruang), "--periode", "2025", "--json", *TGL],
        ["jelaskan", NIP, str(ruang), "--periode", "2025", *TGL],
    ):
        r = runner.invoke(app, [*perintah, *opsi])
        hasil.append(f"{r.exit_code}\n{r.stdout}\n{r.stderr}")
    return hasil


def _entri_berkas(folder: Path) -> list[Path]:
    """The cache entries of single files (the kept whole results are in hasil/)."""
    return sorted(p for p in folder.rglob("*.msgpack") if p.parent.name != cache.HASIL)


def _entri_hasil(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"{cache.HASIL}/*.msgpack"))


def _hasil_menurut_isi(folder: Path) -> dict[str, Path]:
    """The kept whole results by what they hold: periksa, evaluasi's summary, its --json."""
    jenis: dict[str, Path] = {}
    for p in _entri_hasil(folder):
        isi = bytes(msgspec.msgpack.decode(p.read_bytes(), type=cache.EntriHasil).isi)
        try:
            k = cache.buka_nilai(isi, api.Keluaran)
        except msgspec.DecodeError:
            cache.buka_nilai(isi, HasilPeriksa)  # neither: a test that fails here says so
            jenis["periksa"] = p
        else:
            jenis["json" if k.json is not None else "layar"] = p
    return jenis


def _pencatat_muat(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders loaded from now on: `api` calls `baca.muat.muat` for every load, so a
    kept result shown again is a command that did not call it."""
    dimuat: list[Path] = []
    asli = baca_muat.muat

    def catat(folder: Path, **kwargs: Any) -> Any:
        dimuat.append(folder)
        return asli(folder, **kwargs)

    monkeypatch.setattr(baca_muat, "muat", catat)
    return dimuat


def _pencatat_olah(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed in this process from now on. `muat` parses with the `olah` it
    imported (a spawned worker imports its own, unpatched: its files are not seen here)."""
    diolah: list[str] = []
    asli = baca_muat.olah

    def catat(data: bytes, nama: str, jenis: Any) -> Any:
        diolah.append(nama)
        return asli(data, nama, jenis)

    monkeypatch.setattr(baca_muat, "olah", catat)
    return diolah


def _dua_inti(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse in parallel with one worker beside this process, whatever the machine:
    `muat` counts cores with the public os.cpu_count and parallelises above AMBANG_PARALEL."""
    monkeypatch.setattr(baca_muat, "AMBANG_PARALEL", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def _sama_dengan_tanpa_cache(ruang: Path) -> list[str]:
    dengan = _keluaran(ruang)
    assert dengan == _keluaran(ruang, "--tanpa-cache")
    return dengan


def _ubah_tanpa_jejak(jalur: Path, lama: str, baru: str) -> None:
    """Change content but keep size and modification time: only the content tells."""
    assert len(lama.encode()) == len(baru.encode())
    st = jalur.stat()
    teks = jalur.read_text(encoding="utf-8")
    assert lama in teks
    jalur.write_text(teks.replace(lama, baru, 1), encoding="utf-8", newline="")
    os.utime(jalur, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert jalur.stat().st_size == st.st_size and jalur.stat().st_mtime_ns == st.st_mtime_ns


@pytest.fixture
def ruang(tmp_path: Path) -> Path:
    return Path(shutil.copytree(WANGGAR, tmp_path / "wanggar"))


def test_cache_dipakai_dan_di_luar_ruang_kerja(ruang: Path, cache_sendiri: Path) -> None:
    sebelum = sorted(p.relative_to(ruang) for p in ruang.rglob("*"))
    pertama = _keluaran(ruang)
    entri = _entri_berkas(cache_sendiri)
    # One per file: typed records (kebijakan, pegawai, pelatihan), or for each of the 12
    # report files its scored reports.
    assert len(entri) == 15
    # periksa (with or without --json: one result), evaluasi's summary and its --json
    assert sorted(_hasil_menurut_isi(cache_sendiri)) == ["json", "layar", "periksa"]
    assert sorted(p.relative_to(ruang) for p in ruang.rglob("*")) == sebelum
    waktu = {p: p.stat().st_mtime_ns for p in entri}
    assert _keluaran(ruang) == pertama  # served from the cache: nothing rewritten
    assert {p: p.stat().st_mtime_ns for p in entri} == waktu


def test_tanpa_cache_tidak_membaca_atau_menulis(ruang: Path, cache_sendiri: Path) -> None:
    _keluaran(ruang, "--tanpa-cache")
    assert not list(cache_sendiri.rglob("*"))


def test_isi_berubah_ukuran_dan_waktu_sama(ruang: Path) -> None:
    awal = _sama_dengan_tanpa_cache(ruang)
    lap = ruang / "laporan" / "2025-06.yaml"
    teks = lap.read_text(encoding="utf-8")
    # The explained employee's first indicator of June: realisasi 47 -> 74.
    i = teks.index(f'nip: "{NIP}"')
    j = teks.index("realisasi: ", i)
    lama = teks[j : teks.index("\n", j)]
    baru = lama[:-2] + lama[-1] + lama[-2]  # swap the last two digits: same length
    assert baru != lama
    _ubah_tanpa_jejak(lap, lama, baru)
    assert _sama_dengan_tanpa_cache(ruang) != awal


def test_berkas_ditambah_dihapus_dan_diganti_nama(ruang: Path, cache_sendiri: Path) -> None:
    awal = _sama_dengan_tanpa_cache(ruang)
    lap = ruang / "laporan"
    (lap / "2025-12.yaml").rename(lap / "2025-12-desember.yaml")
    ganti_nama = _sama_dengan_tanpa_cache(ruang)
    assert ganti_nama != awal  # the problems' file names changed
    (lap / "2025-12-desember.yaml").unlink()
    dihapus = _sama_dengan_tanpa_cache(ruang)
    assert dihapus != ganti_nama
    shutil.copyfile(WANGGAR / "laporan" / "2025-12.yaml", lap / "2025-12.yaml")
    assert _sama_dengan_tanpa_cache(ruang) == awal
    # Entries of files that are gone are removed: one per file present.
    assert len(_entri_berkas(cache_sendiri)) == 15


def test_kebijakan_berubah_laporan_dinilai_ulang(ruang: Path) -> None:
    awal = _sama_dengan_tanpa_cache(ruang)
    _ubah_tanpa_jejak(ruang / "kebijakan.yaml", "batas_capaian: 120", "batas_capaian: 105")
    assert _sama_dengan_tanpa_cache(ruang) != awal


def test_entri_rusak_atau_palsu_diabaikan(ruang: Path, cache_sendiri: Path) -> None:
    awal = _sama_dengan_tanpa_cache(ruang)
    entri = _entri_berkas(cache_sendiri)
    entri[0].write_bytes(b"\x00bukan msgpack")
    entri[1].write_bytes(b"")
    # A well-formed entry for another file: its key does not match.
    entri[2].write_bytes(entri[3].read_bytes())
    hasil = _hasil_menurut_isi(cache_sendiri)
    json = hasil["json"].read_bytes()
    hasil["periksa"].write_bytes(json)  # another command's result: another key
    hasil["layar"].write_bytes(b"\x92\xa1a")
    hasil["json"].write_bytes(json[: len(json) // 2])  # cut short
    assert _sama_dengan_tanpa_cache(ruang) == awal


def test_urutan_perubahan_acak(ruang: Path) -> None:
    """Twelve random edits, each followed by a comparison with a run without the cache."""
    acak = random.Random(20261128)
    cadangan = ruang.parent / "cadangan"
    cadangan.mkdir()
    for langkah in range(12):
        laporan = sorted((ruang / "laporan").glob("*.yaml"))
        p = acak.choice(laporan)
        aksi = acak.choice(["angka", "sentuh", "pindah", "simpan", "kembalikan"])
        if aksi == "angka":
            teks = p.read_text(encoding="utf-8")
            k = [i for i in range(len(teks)) if teks.startswith("target: ", i)]
            i = acak.choice(k) + len("target: ")
            digit = str((int(teks[i]) + 1) % 10) if teks[i].isdigit() else teks[i]
            if digit != "0":
                p.write_text(teks[:i] + digit + teks[i + 1 :], encoding="utf-8", newline="")
        elif aksi == "sentuh":
            os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10**9))
        elif aksi == "pindah":
            p.rename(p.with_name(f"{p.stem}-{langkah}.yaml"))
        elif aksi == "simpan" and len(laporan) > 8:
            shutil.move(str(p), cadangan / p.name)
        elif aksi == "kembalikan":
            for q in sorted(cadangan.glob("*.yaml"))[:1]:
                shutil.move(str(q), ruang / "laporan" / q.name)
        _sama_dengan_tanpa_cache(ruang)


def test_paralel_sama_dengan_berurutan(ruang: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes (spawned, as on Windows) give exactly what one process gives."""
    berurutan = _keluaran(ruang, "--tanpa-cache")
    _dua_inti(monkeypatch)
    di_sini = _pencatat_olah(monkeypatch)
    assert _keluaran(ruang, "--tanpa-cache") == berurutan
    # Five commands loaded 15 files each: the worker parsed some of them.
    assert 0 < len(di_sini) < 5 * 15
    di_sini.clear()
    api.muat(ruang, HARI_INI, pakai_cache=False)
    laporan_di_sini = [n for n in di_sini if n.startswith("laporan/")]
    assert 0 < len(laporan_di_sini) < 12  # this process and the worker both took reports
    di_sini.clear()
    assert _keluaran(ruang) == berurutan  # and what the workers wrote to the cache is right
    assert len(di_sini) < 15  # the first command parsed in parallel, the others hit the cache


def test_paralel_berkas_besar_tidak_menumpuk(ruang: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two large files and one worker: the worker gets one, this process the other
    (after the small ones), instead of the worker doing both in turn."""
    for p in sorted((ruang / "laporan").glob("*.yaml"))[2:]:
        p.unlink()
    berurutan = api.muat(ruang, HARI_INI, pakai_cache=False)
    _dua_inti(monkeypatch)
    di_sini = _pencatat_olah(monkeypatch)
    paralel = api.muat(ruang, HARI_INI, pakai_cache=False)
    assert not [m for m in paralel.masalah if m.tingkat == "galat"]
    assert [n for n in di_sini if n.startswith("laporan/")] == ["laporan/2025-01.yaml"]
    assert "pegawai.yaml" in di_sini and "pelatihan.yaml" in di_sini
    assert paralel.ruang.laporan == berurutan.ruang.laporan
    assert len(berurutan.ruang.laporan) > 90
    assert paralel.masalah == berurutan.masalah


def test_kunci_memuat_nama_isi_ukuran_dan_waktu() -> None:
    dasar = cache.kunci("a.yaml", b"isi", 3, 10)
    assert dasar == cache.kunci("a.yaml", b"isi", 3, 10)
    for lain in (
        cache.kunci("b.yaml", b"isi", 3, 10),
        cache.kunci("a.yaml", b"ini", 3, 10),
        cache.kunci("a.yaml", b"isi", 4, 10),
        cache.kunci("a.yaml", b"isi", 3, 11),
    ):
        assert lain != dasar


def test_kebijakan_berubah_laporan_tidak_diurai_ulang(
    ruang: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports scored under one policy are scored again under a new one from what they
    hold: the new policy parses kebijakan.yaml again, not the reports, and every result
    (the cap on capaian, days late) follows it exactly, as without the cache."""
    args = ["evaluasi", str(ruang), "--periode", "2025", "--json", *TGL]
    awal = runner.invoke(app, args).stdout  # every file parsed and kept in the cache
    diolah = _pencatat_olah(monkeypatch)
    _ubah_tanpa_jejak(ruang / "kebijakan.yaml", "batas_capaian: 120", "batas_capaian: 105")
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert diolah == ["kebijakan.yaml"]
    assert r.stdout != awal  # the numbers follow the new cap
    assert r.stdout == runner.invoke(app, [*args, "--tanpa-cache"]).stdout
    diolah.clear()  # (the run without the cache parsed everything)
    _ubah_tanpa_jejak(ruang / "kebijakan.yaml", "batas_lapor_hari: 10", "batas_lapor_hari: 03")
    r = runner.invoke(app, args)
    assert diolah == ["kebijakan.yaml"]
    assert r.stdout == runner.invoke(app, [*args, "--tanpa-cache"]).stdout
    assert (
        runner.invoke(app, ["periksa", str(ruang)]).stdout
        == runner.invoke(app, ["periksa", str(ruang), "--tanpa-cache"]).stdout
    )  # lateness warnings follow the new deadline too


def test_folder_cache_bawaan_di_luar_ruang_kerja(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.VARIABEL, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/xdg")
    monkeypatch.setattr(cache.sys, "platform", "linux")
    assert cache.folder_bawaan() == Path("/tmp/xdg/asnkinerja")
    monkeypatch.setattr(cache.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "C:/Users/bkpsdm/AppData/Local")
    assert cache.folder_bawaan() == Path("C:/Users/bkpsdm/AppData/Local/asnkinerja/cache")


def test_rincian_dari_rekaman_di_memori_walau_berkas_berubah(ruang: Path) -> None:
    """The rapor and jelaskan work out the indicator detail from the records loaded, never
    from the files again: a report changed or deleted meanwhile changes none of their
    numbers (a deleted file only leaves its numbers without a line to cite)."""
    ev = api.evaluasi(ruang, "2025", HARI_INI)
    assert ev.hasil is not None
    rapor = dict(keluaran.rapor(ev.hasil, False))
    jelas = api.jelaskan(ev, NIP)
    juni = "capaian 47,00 / 40,00 × 100 = 117,50; bobot 1,00 [laporan/2025-06.yaml:"
    assert sum(juni in b for b in jelas) == 1
    lap = ruang / "laporan" / "2025-06.yaml"
    teks = lap.read_text(encoding="utf-8")
    i = teks.index("realisasi: 47", teks.index(f'nip: "{NIP}"'))
    lap.write_text(teks[:i] + "realisasi: 74" + teks[i + 13 :], encoding="utf-8")
    baru = api.evaluasi(ruang, "2025", HARI_INI)
    assert baru.hasil is not None  # a new run sees the change ...
    miliknya = f"rapor/{NIP}.html"
    assert dict(keluaran.rapor(baru.hasil, False))[miliknya] != rapor[miliknya]
    assert not any(juni in b for b in api.jelaskan(baru, NIP))
    assert dict(keluaran.rapor(ev.hasil, False)) == rapor  # ... the earlier one does not
    assert api.jelaskan(ev, NIP) == jelas
    lap.unlink()
    assert dict(keluaran.rapor(ev.hasil, False)) == rapor
    # The lines already found are those of the text the records came from: they stay.
    assert api.jelaskan(ev, NIP) == jelas

    def tanpa_baris(baris: list[str]) -> list[str]:
        return [re.sub(r"(laporan/2025-06\.yaml):\d+:\d+", r"\1", b) for b in baris]

    # Loaded, then the file deleted before any line was looked up: the same numbers, and
    # that file's places without a line.
    lap.write_text(teks, encoding="utf-8")
    lagi = api.evaluasi(ruang, "2025", HARI_INI)
    lap.unlink()
    tanpa_berkas = api.jelaskan(lagi, NIP)
    assert tanpa_berkas != jelas and tanpa_berkas == tanpa_baris(jelas)


def test_isi_entri_rusak_dengan_kunci_benar_diabaikan(ruang: Path, cache_sendiri: Path) -> None:
    """A payload changed behind a valid key (a damaged disk, a planted file) is a miss."""
    awal = _sama_dengan_tanpa_cache(ruang)
    for p in _entri_berkas(cache_sendiri):
        entri = msgspec.msgpack.decode(p.read_bytes(), type=cache.Entri)
        isi = bytes(entri.isi)
        rusak = isi[:-5] + bytes(reversed(isi[-5:]))  # same length, bytes swapped
        assert rusak != isi
        entri.isi = msgspec.Raw(rusak)
        p.write_bytes(msgspec.msgpack.encode(entri))
    for p in _entri_hasil(cache_sendiri):
        h = msgspec.msgpack.decode(p.read_bytes(), type=cache.EntriHasil)
        isi = bytes(h.isi)
        rusak = isi[:-5] + bytes(reversed(isi[-5:]))
        assert rusak != isi
        h.isi = msgspec.Raw(rusak)
        p.write_bytes(msgspec.msgpack.encode(h))
    assert _keluaran(ruang) == awal


def test_tanpa_folder_rumah_berjalan_tanpa_cache(
    ruang: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    awal = _keluaran(ruang, "--tanpa-cache")

    def tanpa_rumah() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache, "folder_bawaan", tanpa_rumah)
    assert _keluaran(ruang) == awal


def test_periode_ditulis_dengan_angka_lebar_sama_dengan_biasa(ruang: Path) -> None:
    from asnkinerja.inti.laporan import kode_periode

    assert kode_periode("２０２５-１２") == "2025-12"
    assert kode_periode(" 2025-12 ") == "2025-12"
    assert kode_periode("2025/12") == "2025/12"  # unreadable: as written, periksa says so
    awal = _keluaran(ruang)
    lap = ruang / "laporan" / "2025-12.yaml"
    lap.write_text(
        lap.read_text(encoding="utf-8").replace(
            'periode: "2025-12"', 'periode: "２０２５-１２"', 1
        ),
        encoding="utf-8",
    )
    # evaluasi and jelaskan unchanged, but for the hash of the (changed) input files
    tanpa_sidik = re.compile(r'\n  "sidik_data": "[0-9a-f]+",')
    baru = [tanpa_sidik.sub("", k) for k in _keluaran(ruang)[2:]]
    assert baru == [tanpa_sidik.sub("", k) for k in awal[2:]]
    assert baru != _keluaran(ruang)[2:]  # the hash did change


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="Linux file names")
def test_nama_berkas_bukan_utf8_dilaporkan(ruang: Path) -> None:
    nama = os.fsencode(ruang / "laporan") + b"/2026-01-caf\xe9.yaml"
    fd = os.open(nama, os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"- nip: 1\n")
    os.close(fd)
    r = runner.invoke(app, ["periksa", str(ruang)])
    assert r.exit_code == 1
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "nama berkas ini memuat huruf yang tidak terbaca" in r.stdout


def test_nip_penandatangan_angka_panjang_tanpa_traceback(ruang: Path) -> None:
    k = ruang / "kebijakan.yaml"
    teks = k.read_text(encoding="utf-8")
    assert 'nip: "197403191999031043"' in teks
    k.write_text(teks.replace('nip: "197403191999031043"', "nip: 197403191999031043123"), "utf-8")
    r = runner.invoke(app, ["periksa", str(ruang)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output and "0 galat" in r.stdout


def test_hasil_utuh_dipakai_hanya_bila_tidak_ada_yang_berubah(
    ruang: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-run with nothing changed shows the kept result without loading anything;
    any change (a file, the date, the options) loads again."""
    awal = _keluaran(ruang)
    dimuat = _pencatat_muat(monkeypatch)
    assert _keluaran(ruang) == awal
    assert len(dimuat) == 1  # jelaskan; periksa and evaluasi (summary and --json) were kept
    dimuat.clear()
    _ubah_tanpa_jejak(ruang / "kebijakan.yaml", "batas_capaian: 120", "batas_capaian: 105")
    assert _sama_dengan_tanpa_cache(ruang) != awal
    # With the cache every kept result is stale (the second periksa shows the first's
    # fresh one); without it, all five load.
    assert len(dimuat) == 4 + 5
    dimuat.clear()
    args = ["evaluasi", str(ruang), "--periode", "2025"]
    for lain in (["--tanggal", "2026-11-29"], ["--samarkan", *TGL], ["--periode", "2025-T4", *TGL]):
        assert runner.invoke(app, [*args, *lain]).exit_code == 0
    assert len(dimuat) == 3
    api.periksa(ruang, HARI_INI)
    dimuat.clear()
    api.periksa(ruang, HARI_INI)
    assert not dimuat  # kept for that day
    lain_hari = datetime.date(2030, 1, 1)
    dengan = api.periksa(ruang, lain_hari)
    assert len(dimuat) == 1  # another day: periksa checks dates against it
    assert dengan == api.periksa(ruang, lain_hari, pakai_cache=False)


def test_keluaran_format_disimpan_utuh_kecuali_rapor(
    ruang: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reports of --format are kept whole too: a re-run writes the same files without
    loading; with --rapor (a file per employee) nothing is kept and every run loads."""
    args = ["evaluasi", str(ruang), "--periode", "2025", "--format", "md,json", *TGL]
    dimuat = _pencatat_muat(monkeypatch)
    tulisan = []
    for i in range(2):
        r = runner.invoke(app, [*args, "-o", str(tmp_path / f"k{i}")])
        assert r.exit_code == 0, r.output
        tulisan.append({p.name: p.read_bytes() for p in (tmp_path / f"k{i}").iterdir()})
    assert len(dimuat) == 1
    assert tulisan[0] == tulisan[1]
    assert sorted(tulisan[0]) == [
        "evaluasi-2025.json",
        "evaluasi-2025.md",
        "lampiran-evaluasi-2025.md",
    ]
    dimuat.clear()
    for i in range(2):
        r = runner.invoke(app, [*args, "--rapor", "-o", str(tmp_path / f"r{i}")])
        assert r.exit_code == 0, r.output
    assert len(dimuat) == 2
    assert len(list((tmp_path / "r1").rglob("*.html"))) == 50  # one rapor per employee


def test_hasil_utuh_paling_banyak_delapan_yang_terakhir_dipakai(
    ruang: Path, cache_sendiri: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def evaluasi(bulan: int) -> None:
        r = runner.invoke(app, ["evaluasi", str(ruang), "--periode", f"2025-{bulan:02d}", *TGL])
        assert r.exit_code == 0, r.output

    for bulan in range(1, 13):
        evaluasi(bulan)
    assert len(_entri_hasil(cache_sendiri)) == cache.SIMPAN_HASIL == 8  # May to December
    dimuat = _pencatat_muat(monkeypatch)
    evaluasi(5)  # shown from the cache: now the most recently used
    assert not dimuat
    evaluasi(1)  # loaded and kept; June, least recently used, makes room
    assert len(dimuat) == 1
    evaluasi(5)
    assert len(dimuat) == 1
    evaluasi(6)
    assert len(dimuat) == 2


def test_berkas_berubah_saat_baris_dicari_hasil_tidak_disimpan(
    ruang: Path, cache_sendiri: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """periksa reads files with problems again for their lines: if one is no longer what
    was loaded, the result (lines from another text) is not kept."""
    nama = "laporan/2025-03.yaml"
    lap = ruang / nama
    lap.write_text(lap.read_text(encoding="utf-8").replace("target: 10", "target: 0", 1), "utf-8")
    diubah: list[str] = []
    asli = baca_muat.baca_teks

    # The file changes after loading, just before periksa reads it again for its lines
    # (`lengkapi` looks lines up through the public `baca_teks`).
    def ubah_lalu_baca(muatan: baca_muat.Muatan, n: str) -> str | None:
        if n == nama and not diubah:
            diubah.append(n)
            lap.write_text(lap.read_text(encoding="utf-8") + "\n", "utf-8")
        return asli(muatan, n)

    monkeypatch.setattr(baca_muat, "baca_teks", ubah_lalu_baca)
    dimuat = _pencatat_muat(monkeypatch)
    hasil = api.periksa(ruang, HARI_INI)
    assert diubah == [nama]
    assert any(m.lokasi.berkas == nama and m.lokasi.baris for m in hasil.masalah)
    assert not _entri_hasil(cache_sendiri)  # not kept
    kedua = api.periksa(ruang, HARI_INI)  # nothing changes meanwhile now: kept
    assert len(dimuat) == 2 and len(_entri_hasil(cache_sendiri)) == 1
    assert api.periksa(ruang, HARI_INI) == kedua
    assert len(dimuat) == 2


def test_hasil_disimpan_hanya_bila_kembali_persis() -> None:
    from decimal import Decimal

    nilai = {"a": Decimal("87.50"), "b": [1, 2.0, True, None, "x"], "c": {"d": Decimal("1")}}
    data = cache.sandikan_nilai(nilai)
    assert data is not None
    kembali = cache.buka_nilai(data)
    assert kembali == nilai and str(kembali["a"]) == "87.50" and type(kembali["b"][1]) is float
    for tidak in ({"t": (1, 2)}, {"s": {1}}, {"f": float("nan")}, {"o": object()}):
        assert cache.sandikan_nilai(tidak) is None
    layar = api.Keluaran({"rata": Decimal("87.50"), "unit": [{"n": Decimal("1")}]}, None, [], 3)
    data = cache.sandikan_nilai(layar, api.Keluaran)
    assert data is not None and cache.sama_persis(cache.buka_nilai(data, api.Keluaran), layar)
    with pytest.raises(msgspec.DecodeError):  # another shape is never shown
        cache.buka_nilai(cache.sandikan_nilai({"data": 1}) or b"", api.Keluaran)
    assert not cache.sama_persis(Decimal("1.0"), Decimal("1.00"))
    assert not cache.sama_persis([1], [1.0]) and not cache.sama_persis([True], [1])


def test_satu_perintah_menyidik_setiap_berkas_sekali(
    ruang: Path, cache_sendiri: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking a kept result, then loading, reads and hashes each file once per command;
    the next command hashes again."""
    awal = api.periksa(ruang, HARI_INI)
    (simpanan,) = _entri_hasil(cache_sendiri)
    simpanan.write_bytes(b"rusak")  # a kept result to check that is no use: the command loads
    disidik: list[str] = []
    asli = cache.kunci

    # Every file's bytes are hashed by the public cache.kunci (a hash known is reused).
    def catat(nama: str, *args: Any) -> cache.Kunci:
        disidik.append(nama)
        return asli(nama, *args)

    monkeypatch.setattr(cache, "kunci", catat)
    dimuat = _pencatat_muat(monkeypatch)
    assert api.periksa(ruang, HARI_INI) == awal
    assert len(dimuat) == 1
    assert sorted(disidik) == sorted(set(disidik)) and len(disidik) == 15
    # The next command hashes every file again, and finds the result just kept (whose
    # inputs are the ones the load hashed).
    assert api.periksa(ruang, HARI_INI) == awal
    assert len(dimuat) == 1 and len(disidik) == 30


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="Linux file names")
def test_nama_bukan_utf8_di_folder_utama_tanpa_traceback(ruang: Path) -> None:
    """A YAML file at the top whose name is not UTF-8: the warning names it, nothing is kept
    under a key that cannot be written, and every run equals one without the cache."""
    awal = _sama_dengan_tanpa_cache(ruang)
    fd = os.open(os.fsencode(ruang) + b"/a\xff.yaml", os.O_WRONLY | os.O_CREAT)
    os.close(fd)
    for _ in range(2):  # a result kept before the file came, then none
        sekarang = _sama_dengan_tanpa_cache(ruang)
        assert sekarang != awal
        assert all("Traceback" not in x for x in sekarang)


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="Linux file names")
def test_folder_ruang_kerja_bukan_utf8_berjalan_tanpa_cache(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/ruang-\xff"))
    shutil.copytree(WANGGAR, folder)
    r = runner.invoke(app, ["evaluasi", str(folder), "--periode", "2025", *TGL])
    assert r.exit_code == 0, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert (
        r.stdout
        == runner.invoke(
            app, ["evaluasi", str(folder), "--periode", "2025", *TGL, "--tanpa-cache"]
        ).stdout
    )


def test_entri_tiruan_dengan_kunci_dan_sidik_benar_tidak_ditampilkan(ruang: Path) -> None:
    """An entry forged with the right key and content hash but values that do not decode
    (a decimal that is not a number) is a miss, never a traceback."""
    args = ["evaluasi", str(ruang), "--periode", "2025", *TGL]
    awal = {json: runner.invoke(app, [*args, *json]).stdout for json in ((), ("--json",))}
    jejak = sidik.jejak_sekarang(ruang)
    assert jejak is not None

    def pilihan(json: tuple[str, ...]) -> tuple[Any, ...]:
        # The options as `api.keluaran_evaluasi` keys them: period, date, samarkan, json,
        # formats, rapor, units.
        return ("2025", "2026-11-28", False, bool(json), (), False, ())

    # A forgery whose values decode is shown (nothing can tell): the key is the right one.
    isi = cache.sandikan_nilai(api.Keluaran({}, "{}\n", [], 0), api.Keluaran)
    assert isi is not None
    cache.Cache(ruang).simpan_hasil("evaluasi", pilihan(("--json",)), jejak, isi)
    r = runner.invoke(app, [*args, "--json"])
    assert r.exit_code == 0 and r.stdout == "{}\n"
    for nilai in (msgspec.msgpack.Ext(1, b"bukan angka"), msgspec.msgpack.Ext(2, b"\xff")):
        for json in awal:
            isi = msgspec.msgpack.encode(api.Keluaran({"x": nilai}, "{}\n", [], 0))
            cache.Cache(ruang).simpan_hasil("evaluasi", pilihan(json), jejak, isi)
            r = runner.invoke(app, [*args, *json])
            assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
            assert r.exit_code == 0 and r.stdout == awal[json]


def test_sidik_pustaka_berubah_bila_paket_berubah(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another release or build of a parser (here a stand-in package) is another key."""
    paket = tmp_path / "pengurai_palsu"
    paket.mkdir()
    (paket / "__init__.py").write_text("VERSI = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    sebelum = cache.sidik_pustaka("pengurai_palsu")
    (paket / "__init__.py").write_text("VERSI = 22\n", encoding="utf-8")
    assert cache.sidik_pustaka("pengurai_palsu") != sebelum
    assert "yaml/" in cache.sidik_pustaka(*cache.PENGURAI)  # PyYAML: lines and columns
    assert "yaml_rs/" in cache.sidik_pustaka(*cache.PENGURAI)


def test_pekerja_berkas_laporan_tak_terbaca_menjadi_masalah(tmp_path: Path) -> None:
    """A report file a worker cannot read comes back as a problem in the shape the loader
    decodes a report file's result as, and nothing is kept for it."""
    from asnkinerja.baca import berkas
    from asnkinerja.inti.laporan import AturanNilai

    kode, k = berkas.olah_berkas(
        tmp_path / "hilang.yaml", "laporan/hilang.yaml", "laporan", AturanNilai(120.0, 10),
        tmp_path / "cache",
    )  # fmt: skip
    isi = berkas.BACA_NILAI.decode(kode)
    assert k is None and not isi.terbaca and isi.laporan == []
    assert [m.pesan for m in isi.masalah] == [
        "berkas tidak dapat dibaca: No such file or directory"
    ]
    assert not (tmp_path / "cache").exists()
