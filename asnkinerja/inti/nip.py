"""NIP (PNS) and NI PPPK: 18 digits whose parts must be possible."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from asnkinerja.inti import model
from asnkinerja.inti.periode import tanggal_teks
from asnkinerja.inti.regulasi import GOLONGAN_PNS, GOLONGAN_PPPK


@dataclass(frozen=True)
class UraianNip:
    """What an 18-digit NIP says about its holder."""

    tanggal_lahir: datetime.date
    # PNS: TMT CPNS (first day of that month); PPPK: None (only a year is encoded).
    tmt_cpns: datetime.date | None
    jenis_kelamin: str  # "L" or "P"


def mulai_kerja(pegawai: model.Pegawai) -> datetime.date | None:
    """When service began: tmt_cpns, or for a PNS the TMT CPNS inside the NIP."""
    if pegawai.tmt_cpns is not None:
        return pegawai.tmt_cpns
    n = str(pegawai.nip)
    uraian, _ = periksa(n, pegawai.status, datetime.date.max)
    if uraian is None:
        return None
    if uraian.tmt_cpns is None and n[8:12].isdigit() and int(n[8:12]) >= 1900:
        return datetime.date(int(n[8:12]), 1, 1)  # NI PPPK: only the year is encoded
    return uraian.tmt_cpns


def normalkan(nilai: str | int) -> str:
    """A NIP as text: a bare YAML number becomes its digits."""
    return str(nilai).strip()


def periksa(nip: str, status: str, hari_ini: datetime.date) -> tuple[UraianNip | None, str | None]:
    """Parse a NIP; on failure the message says what is impossible and what to do."""
    if " " in nip and len(nip.replace(" ", "")) == 18:
        return None, f'NIP "{nip}" mengandung spasi; tulis 18 angka tanpa spasi'
    if len(nip) != 18 or not nip.isascii() or not nip.isdigit():
        return None, f'NIP harus 18 angka, bukan "{nip}" ({len(nip)} karakter)'
    try:
        lahir = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None, (
            f"NIP {nip}: 8 angka pertama ({nip[0:8]}) bukan tanggal lahir yang mungkin "
            "(TTTTBBHH); periksa kembali NIP pada SK"
        )
    if lahir > hari_ini or lahir.year < 1900:
        return None, f"NIP {nip}: tanggal lahir {tanggal_teks(lahir)} tidak mungkin"
    kelamin = nip[14]
    if kelamin not in "12":
        return None, (f"NIP {nip}: angka ke-15 ({kelamin}) harus 1 (laki-laki) atau 2 (perempuan)")
    tmt: datetime.date | None = None
    if status == "PPPK":
        tahun = int(nip[8:12])
        if tahun < lahir.year + 15 or tahun > hari_ini.year:
            return None, (
                f"NI PPPK {nip}: tahun pengangkatan (angka ke-9 sampai 12: {nip[8:12]}) tidak "
                "mungkin; periksa kembali NI pada SK"
            )
    if status == "PNS":
        tahun, bulan = int(nip[8:12]), int(nip[12:14])
        if not 1 <= bulan <= 12:
            return None, (
                f"NIP {nip}: bulan TMT CPNS (angka ke-13 dan 14: {nip[12:14]}) harus 01 "
                "sampai 12; jika ini NI PPPK, tulis status: PPPK"
            )
        tmt = datetime.date(tahun, bulan, 1)
        if tmt < lahir.replace(day=1) or tmt > hari_ini:
            return None, (
                f"NIP {nip}: TMT CPNS {nip[8:14]} tidak mungkin (sebelum tanggal lahir "
                "atau sesudah hari ini)"
            )
    return UraianNip(lahir, tmt, "L" if kelamin == "1" else "P"), None


def periksa_golongan(golongan: str, status: str) -> str | None:
    """A message when `golongan` does not exist for `status`, else None."""
    sah = GOLONGAN_PNS if status == "PNS" else GOLONGAN_PPPK
    if golongan in sah:
        return None
    contoh = "III/a, IV/b" if status == "PNS" else "V, IX"
    return f'golongan "{golongan}" tidak ada untuk {status}; tulis seperti {contoh}'
