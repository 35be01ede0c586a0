"""Checks of the reports across records: NIPs against the roster, periods against the
policy, duplicates, dates that cannot be, and the policy's demands on a report (deadline,
tantangan and rencana_perbaikan, a penilai who is the atasan). Part of `periksa`."""

from __future__ import annotations

import datetime
import re

from asnkinerja.inti import model
from asnkinerja.inti.laporan import NilaiLaporan
from asnkinerja.inti.periode import CONTOH, JENIS_LAPORAN, Periode, tanggal_teks
from asnkinerja.inti.ruang import Entri, RuangKerja, nama_dan_nip
from asnkinerja.masalah import Masalah, asing, galat, peringatan


def periksa_laporan(
    ruang: RuangKerja,
    roster: dict[str, Entri[model.Pegawai]],
    kenal: set[str] | None,
    hari_ini: datetime.date,
    masalah: list[Masalah],
) -> None:
    kebijakan = ruang.kebijakan
    jenis = JENIS_LAPORAN[kebijakan.periode_laporan]
    batas = datetime.timedelta(days=kebijakan.batas_lapor_hari)
    dilihat: dict[tuple[str, str], NilaiLaporan] = {}
    # Each period code read once: (the period, its deadline), or None if not allowed.
    per_kode: dict[str, tuple[Periode, datetime.date] | None] = {}
    for n in ruang.laporan:
        nip_lap = n.nip
        pegawai = roster.get(nip_lap)
        if pegawai is None:
            if kenal is not None and nip_lap not in kenal:  # roster NIPs are all in kenal
                masalah.append(
                    asing(
                        n.lokasi.turun("nip"),
                        nip_lap,
                        "NIP laporan",
                        f"NIP {nip_lap} tidak ada di daftar pegawai; perbaiki NIP atau "
                        "tambahkan pegawai itu ke pegawai.yaml",
                    )
                )
        elif not pegawai.data.aktif:
            masalah.append(
                peringatan(
                    n.lokasi.turun("nip"),
                    f"laporan untuk {pegawai.data.nama}, yang tercatat tidak aktif "
                    "(aktif: false); laporan ini tidak dinilai",
                )
            )
        kode = n.kode_periode
        if kode not in per_kode:
            p = Periode.urai(kode)
            per_kode[kode] = (p, p.akhir + batas) if p is not None and p.jenis == jenis else None
        info = per_kode[kode]
        if info is None:
            longgar = _periode_longgar(kode)
            contoh = (
                Periode.memuat_bulan(longgar.tahun, longgar.bulan_awal, jenis).kode()
                if longgar is not None and longgar.jenis != "tahun"
                else CONTOH[jenis]
            )
            masalah.append(
                galat(
                    n.lokasi.turun("periode"),
                    f'periode "{kode}" tidak sesuai periode_laporan '
                    f"{kebijakan.periode_laporan}; tulis seperti {contoh}",
                )
            )
        else:
            periode, tenggat = info
            kunci = (nip_lap, kode)  # one spelling per period (Periode.urai)
            if kunci in dilihat:
                masalah.append(
                    galat(
                        n.lokasi.turun("periode"),
                        f"laporan NIP {nip_lap} periode {periode.kode()} sudah ada; "
                        "hapus salah satu atau perbaiki periodenya",
                        dilihat[kunci].lokasi.turun("periode"),
                    )
                )
            else:
                dilihat[kunci] = n
            tgl = n.tanggal_lapor
            if not (periode.awal <= tgl <= tenggat and tgl <= hari_ini):
                _periksa_tanggal_lapor(n, periode, batas, hari_ini, masalah)
        penilai = n.penilai
        if (  # the common case, decided here without a call: complete, and rated by the
            # employee's own active atasan (60,000 reports: the call alone is measurable)
            n.kurang
            or pegawai is None
            or penilai is None
            or penilai != pegawai.data.atasan
            or penilai == nip_lap
            or (oleh := roster.get(penilai)) is None
            or not oleh.data.aktif
        ):
            _periksa_isi_laporan(n, pegawai, roster, kenal, masalah)


def _periode_longgar(teks: str) -> Periode | None:
    """Read a period the way a person might write it (`2025-1`, `2025/10`), for advice."""
    p = Periode.urai(teks)
    if p is not None:
        return p
    cocok = re.match(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$", teks)
    if cocok and 1 <= int(cocok.group(2)) <= 12:
        return Periode(int(cocok.group(1)), int(cocok.group(2)), "bulan")
    return None


def _periksa_tanggal_lapor(
    n: NilaiLaporan,
    periode: Periode,
    batas: datetime.timedelta,
    hari_ini: datetime.date,
    masalah: list[Masalah],
) -> None:
    tgl = n.tanggal_lapor
    tempat = n.lokasi.turun("tanggal_lapor")
    if tgl < periode.awal:
        masalah.append(
            galat(
                tempat,
                f"tanggal_lapor {tgl} sebelum periode {periode.kode()} dimulai "
                f"({periode.awal}); periksa tanggal atau periodenya",
            )
        )
    elif tgl > hari_ini:
        masalah.append(galat(tempat, f"tanggal_lapor {tgl} belum terjadi (hari ini {hari_ini})"))
    elif tgl > periode.akhir + batas:
        tenggat = periode.akhir + batas
        terlambat = (tgl - tenggat).days
        masalah.append(
            peringatan(
                tempat,
                f"laporan terlambat {terlambat} hari: batasnya {tanggal_teks(tenggat)} "
                f"(akhir periode + {batas.days} hari)",
            )
        )


def _periksa_isi_laporan(
    n: NilaiLaporan,
    pegawai: Entri[model.Pegawai] | None,
    roster: dict[str, Entri[model.Pegawai]],
    kenal: set[str] | None,
    masalah: list[Masalah],
) -> None:
    """A report's own demands (called only off the common case, see `_periksa_laporan`)."""
    penilai = n.penilai
    lok = n.lokasi
    if "tantangan" in n.kurang:
        masalah.append(
            peringatan(
                lok.turun("tantangan"),
                "laporan tanpa tantangan; kebijakan meminta tantangan yang dihadapi "
                "ditulis setiap periode",
            )
        )
    if "rencana_perbaikan" in n.kurang:
        masalah.append(
            peringatan(
                lok.turun("rencana_perbaikan"),
                "laporan tanpa rencana_perbaikan; kebijakan meminta rencana perbaikan "
                "ditulis setiap periode",
            )
        )
    if penilai is None:
        # The head of the chain is rated outside the workspace (by the PPK), so only
        # an employee with an atasan in the roster is expected to have a penilaian.
        if pegawai is not None and pegawai.data.atasan is not None:
            masalah.append(
                peringatan(
                    lok,
                    "laporan belum dinilai atasan (tidak ada bagian penilaian); minta "
                    "atasan mengisi penilaian perilaku dan umpan balik",
                )
            )
        return
    tempat = lok.turun("penilaian", "penilai")
    if penilai == n.nip:
        masalah.append(galat(tempat, "pegawai tidak boleh menilai laporannya sendiri"))
    elif kenal is not None and penilai not in roster and penilai not in kenal:
        masalah.append(
            asing(
                tempat,
                str(penilai),
                "penilai",
                f"penilai {penilai} tidak ada di daftar pegawai; perbaiki NIP penilai, atau "
                "bila ia pejabat di luar daftar (misalnya Bupati) tulis di pejabat pada "
                "kebijakan.yaml",
            )
        )
    elif penilai in roster and not roster[penilai].data.aktif:
        masalah.append(
            peringatan(
                tempat,
                f"penilai {nama_dan_nip(roster, penilai)} tercatat tidak aktif (aktif: false); "
                "pastikan penilaian dilakukan pejabat yang masih menjabat",
            )
        )
    elif (
        pegawai is not None
        and pegawai.data.atasan is not None
        and penilai in roster
        and pegawai.data.atasan in roster
        and penilai != pegawai.data.atasan
    ):
        atasan = nama_dan_nip(roster, pegawai.data.atasan)
        masalah.append(
            peringatan(
                tempat,
                f"penilai {roster[penilai].data.nama} bukan atasan langsung "
                f"{pegawai.data.nama} (atasannya {atasan}); pastikan penilaian "
                "dilakukan pejabat penilai yang benar",
            )
        )
