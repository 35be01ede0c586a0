"""Mentoring after evaluation: pairing those who need help with experienced mentors.

Deterministic: the neediest mentee first (lowest nilai_akhir, then NIP). A mentor
is never the mentee, never below the mentee in the atasan chain, has capacity
left, and (by default) has served longer. Among those allowed: same unit first,
then the best nilai_akhir, then NIP.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal

from asnkinerja.inti import model
from asnkinerja.inti.penghargaan import hukuman_dalam, kunci_peringkat
from asnkinerja.inti.penilaian import HasilPegawai


@dataclass(frozen=True)
class Pasangan:
    mentor: HasilPegawai
    mentee: HasilPegawai
    unit_sama: bool


@dataclass(frozen=True)
class TanpaMentor:
    mentee: HasilPegawai
    alasan: str


@dataclass
class HasilMentoring:
    pasangan: list[Pasangan]
    tanpa_mentor: list[TanpaMentor]


def _bawahan(roster: list[model.Pegawai]) -> dict[str, set[str]]:
    """Everyone below each NIP in the atasan chain (direct and indirect), over the whole
    roster: an inactive link in the middle does not break the chain."""
    anak: dict[str, list[str]] = {}
    for p in roster:
        if p.atasan is not None:
            anak.setdefault(str(p.atasan), []).append(str(p.nip))
    hasil: dict[str, set[str]] = {}
    for p in roster:
        dilihat: set[str] = set()
        tumpukan = list(anak.get(str(p.nip), []))
        while tumpukan:
            n = tumpukan.pop()
            if n not in dilihat:
                dilihat.add(n)
                tumpukan.extend(anak.get(n, []))
        hasil[str(p.nip)] = dilihat
    return hasil


def pasangkan(
    pegawai: list[HasilPegawai],
    kebijakan: model.Kebijakan,
    roster: list[model.Pegawai] | None = None,
) -> HasilMentoring:
    """Pairs for everyone who needs a mentor; `roster`: everyone, active or not."""
    k = kebijakan.mentoring
    bawahan = _bawahan(roster if roster is not None else [h.pegawai for h in pegawai])
    mentee = sorted(
        (h for h in pegawai if h.predikat in k.predikat_mentee),
        key=lambda h: (h.nilai_akhir if h.nilai_akhir is not None else Decimal(0), h.nip),
    )
    calon = [
        h
        for h in pegawai
        if h.predikat in k.predikat_mentor
        and (k.jenis_jabatan_mentor is None or h.pegawai.jenis_jabatan in k.jenis_jabatan_mentor)
        and not _hukuman_baru(h, k.mentor_bebas_hukuman_disiplin_tahun)
    ]
    pasangan: list[Pasangan] = []
    tanpa: list[TanpaMentor] = []
    calon = sorted(calon, key=kunci_peringkat)  # best first: the tie-break after the unit
    # Candidates with room left, best first: all of them and per unit. A mentor who is
    # full leaves both lists, so no mentee looks at them again.
    bebas = list(calon)
    bebas_unit: dict[str, list[HasilPegawai]] = {}
    for c in calon:
        bebas_unit.setdefault(c.pegawai.unit, []).append(c)
    muatan: dict[str, int] = {}
    kosong: list[HasilPegawai] = []
    peringkat = {id(c): i for i, c in enumerate(calon)}

    def buang(daftar: list[HasilPegawai], c: HasilPegawai) -> None:
        """Remove a full mentor from a list in `calon` order, found by bisection on rank
        (list.remove would compare whole records with everyone before it)."""
        del daftar[bisect.bisect_left(daftar, peringkat[id(c)], key=lambda x: peringkat[id(x)])]

    def boleh(c: HasilPegawai, m: HasilPegawai) -> bool:
        if c.nip == m.nip or c.nip in bawahan.get(m.nip, ()):
            return False
        if k.mentor_lebih_senior:
            a, b = c.mulai_kerja, m.mulai_kerja
            return a is not None and b is not None and a < b
        return True

    def pertama(daftar: list[HasilPegawai], m: HasilPegawai) -> HasilPegawai | None:
        """The first in `daftar` allowed to mentor `m` (`boleh`, unrolled: a mentee may
        look through dozens of candidates)."""
        bawah = bawahan.get(m.nip, ())
        if not k.mentor_lebih_senior:
            return next((c for c in daftar if c.nip != m.nip and c.nip not in bawah), None)
        mulai = m.mulai_kerja
        if mulai is None:
            return None
        return next(
            (
                c
                for c in daftar
                if c.mulai_kerja is not None
                and c.mulai_kerja < mulai
                and c.nip != m.nip
                and c.nip not in bawah
            ),
            None,
        )

    for m in mentee:
        unit = m.pegawai.unit
        # Same unit first; otherwise the best allowed anywhere (same order as `calon`).
        pilih = pertama(bebas_unit.get(unit, kosong), m)
        if pilih is None:
            pilih = pertama(bebas, m)
        if pilih is None:
            if k.mentor_lebih_senior and m.mulai_kerja is None:
                alasan = (
                    "masa kerja mentee tidak diketahui (isi tmt_cpns), sehingga senioritas "
                    "mentor tidak dapat diperiksa"
                )
            else:
                alasan = _alasan(calon, any(boleh(c, m) for c in calon), k)
            tanpa.append(TanpaMentor(m, alasan))
            continue
        muatan[pilih.nip] = muatan.get(pilih.nip, 0) + 1
        if muatan[pilih.nip] >= k.maks_mentee:
            buang(bebas, pilih)
            buang(bebas_unit[pilih.pegawai.unit], pilih)
        pasangan.append(Pasangan(pilih, m, pilih.pegawai.unit == unit))
    return HasilMentoring(pasangan, tanpa)


def _hukuman_baru(h: HasilPegawai, tahun: int | None) -> bool:
    """A hukuman disiplin (any level) within `tahun` years before the period end."""
    return tahun is not None and bool(hukuman_dalam(h, tahun))


def tanpa_pasangan(hasil: HasilMentoring, k: model.KebijakanMentoring) -> str:
    """Why a period has no mentoring pair at all, in a sentence for the reader."""
    if hasil.tanpa_mentor:
        return "Tidak ada pasangan mentoring: tidak ada mentor yang dapat dipasangkan."
    if not k.predikat_mentee:
        return "Tidak ada pasangan mentoring: mentoring.predikat_mentee di kebijakan kosong."
    return (
        "Tidak ada pasangan mentoring: tidak ada pegawai berpredikat "
        f"{', '.join(k.predikat_mentee)} dalam periode ini."
    )


def _alasan(calon: list[HasilPegawai], ada_yang_boleh: bool, k: model.KebijakanMentoring) -> str:
    if not k.predikat_mentor:
        return "mentoring.predikat_mentor di kebijakan kosong: tidak ada yang dapat menjadi mentor"
    if not calon:
        syarat = ", ".join(k.predikat_mentor)
        return f"tidak ada pegawai berpredikat {syarat} yang dapat menjadi mentor"
    if not ada_yang_boleh:
        return (
            "tidak ada calon mentor yang lebih senior dan tidak berada di bawahnya dalam "
            "rantai atasan"
            if k.mentor_lebih_senior
            else "tidak ada calon mentor yang tidak berada di bawahnya dalam rantai atasan"
        )
    return f"semua calon mentor yang memenuhi syarat sudah penuh ({k.maks_mentee} mentee)"
