"""Daily lists for the demo, in both layouts, with the faults real lists have, and the ground truth.

``write_lists(people, folder, seed)`` writes
- ``daily-list-long.xlsx`` and ``daily-list-long.csv`` (the platform's daily export, one row per dose;
  the same rows in both, so one truth serves both),
- ``daily-list-pl1.xls`` (the platform's import template PL1, one row per person, two dose blocks),
- ``daily-list-truth.json``: for every data row what the import must do (accepted with n records,
  rejected with codes, duplicate of which row) and, for accepted rows, the registry check outcome the
  row's records must get (status and differences {field, kind}, contracts/mismatch-kinds.md).
The format is documented in docs/importing.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.demo.people import Person, make_cccd
from desktop.registry.compare import name_kind
from desktop.text import fold, title_name

FACILITY_CODE = "01001"
FACILITY_NAME = "Bệnh viện Bạch Mai"
TRUTH_FORMAT = "vaxdesk-demo-truth/1"

VACCINES = (  # (name as lists write it, lot prefix, weight)
    ("AstraZeneca", "ABV", 35), ("Pfizer", "FF", 25), ("Vero Cell", "2021", 20), ("Moderna", "30", 10),
    ("Comirnaty", "FK", 4), ("Spikevax", "07", 2), ("Sputnik V", "II", 2), ("Hayat-Vax", "HV", 1), ("Abdala", "AB", 1),
)
UNKNOWN_VACCINES = ("Nanocovax", "Covivac", "ARCT-154", "Vắc xin XYZ")

# Person faults (one per person) and the share of the list's people that get each
PERSON_FAULTS = (
    ("nfd", 0.05), ("case_space", 0.04), ("accents", 0.06), ("order", 0.03), ("middle_name", 0.03),
    ("typo", 0.04), ("different_name", 0.02), ("swapped", 0.04), ("partial", 0.03), ("wrong_sex", 0.03),
    ("linked", 0.05), ("cccd_year", 0.02), ("not_found", 0.02), ("invalid_id", 0.02), ("excel_id", 0.06),
    ("excel_date", 0.04), ("year_only", 1.0), ("placeholder", 1.0),
)


# ---------------------------------------------------------------- the plan
@dataclass
class Presented:
    """A person as the list writes them (after faults) and what the check must find."""

    person: Person
    name: str
    dob: str  # ISO / YYYY as the list means it
    dob_form: str  # dmy | d/m | iso | year | serial | datecell
    sex: str
    id_text: str  # as the list means it (before Excel)
    id_numeric: bool  # written as a number (Excel drops leading zeros)
    faults: list[str] = field(default_factory=list)
    status: str = "matched"
    differences: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Dose:
    number: int
    vaccine: str
    lot: str
    date: dt.date
    date_form: str = "dmy"  # dmy | serial | datecell | iso
    faults: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)


def _eligible(fault: str, p: Person, people_ids: set[str]) -> bool:
    vn = p.nationality == "VN"
    full = len(p.date_of_birth) == 10
    if fault == "accents":
        return fold(p.full_name) != p.full_name.lower()
    if fault == "middle_name":
        return vn and len(p.full_name.split()) >= 3
    if fault in ("order", "typo", "different_name", "nfd", "case_space"):
        return vn
    if fault == "swapped":
        return full and int(p.date_of_birth[8:]) <= 12 and p.date_of_birth[8:] != p.date_of_birth[5:7]
    if fault in ("partial", "cccd_year"):
        return vn and full
    if fault == "wrong_sex":
        return vn
    if fault == "linked":
        return p.old_id_number is not None
    if fault in ("not_found", "invalid_id", "excel_id"):
        return vn
    if fault == "excel_date":
        return full
    if fault in ("year_only", "placeholder"):
        return len(p.date_of_birth) == 4
    return True


def present(p: Person, fault: str | None, rnd: random.Random, taken: set[str], today: dt.date) -> Presented:
    """Apply one fault to a person and work out the check's expected outcome."""
    year_only = len(p.date_of_birth) == 4
    pr = Presented(p, p.full_name, p.date_of_birth, "year" if year_only else rnd.choice(("dmy", "dmy", "d/m", "iso")),
                   p.sex, p.id_number, False, [fault] if fault else [])
    diffs = pr.differences
    if fault == "nfd":
        pr.name = unicodedata.normalize("NFD", p.full_name)
    elif fault == "case_space":
        pr.name = "  " + p.full_name.upper().replace(" ", "\u00a0 ", 1) + " "
    elif fault == "accents":
        pr.name = title_name(" ".join(w.capitalize() for w in fold(p.full_name).split()))
        diffs.append({"field": "name", "kind": "accents"})
    elif fault == "order":
        words = p.full_name.split()
        pr.name = " ".join(words[1:] + words[:1])
        diffs.append({"field": "name", "kind": "order"})
    elif fault == "middle_name":
        words = p.full_name.split()
        drop = rnd.randrange(1, len(words) - 1)
        pr.name = " ".join(words[:drop] + words[drop + 1:])
        diffs.append({"field": "name", "kind": "middle_name"})
    elif fault == "typo":
        pr.name = _typo(p.full_name, rnd)
        diffs.append({"field": "name", "kind": "typo"})
    elif fault == "different_name":
        pr.name = _different_name(p, rnd)
        diffs.append({"field": "name", "kind": "different"})
    elif fault == "swapped":
        y, m, d = p.date_of_birth.split("-")
        pr.dob, pr.dob_form = f"{y}-{d}-{m}", "dmy"
        diffs.append({"field": "dob", "kind": "swapped"})
    elif fault == "partial":
        pr.dob, pr.dob_form = p.date_of_birth[:4], "year"
        diffs.append({"field": "dob", "kind": "partial"})
    elif fault == "placeholder":
        pr.dob, pr.dob_form = f"{p.date_of_birth}-01-01", "dmy"
        diffs.append({"field": "dob", "kind": "placeholder"})
    elif fault == "wrong_sex":
        pr.sex = "F" if p.sex == "M" else "M"
        diffs.append({"field": "sex", "kind": "different"})
        diffs.append({"field": "id", "kind": "inconsistent"})
        pr.warnings.append("cccd_inconsistent")
    elif fault == "cccd_year":
        y, m, d = (int(x) for x in p.date_of_birth.split("-"))
        for shift in (1, -1, 2, -2, 3):
            try:
                new = dt.date(y + shift, m, d)
            except ValueError:
                continue
            if new < today and new.year // 100 == y // 100:
                pr.dob = new.isoformat()
                break
        pr.dob_form = "dmy"
        diffs.append({"field": "dob", "kind": "different"})
        diffs.append({"field": "id", "kind": "inconsistent"})
        pr.warnings.append("cccd_inconsistent")
    elif fault == "linked":
        pr.id_text = p.old_id_number or ""
        diffs.append({"field": "id", "kind": "linked"})
    elif fault == "not_found":
        province = p.id_number[:3]
        pr.id_text = make_cccd(rnd, province, int(p.date_of_birth[:4]), p.sex, taken)
        pr.status = "not_found"
    elif fault == "invalid_id":
        pr.id_text = rnd.choice((p.id_number + str(rnd.randrange(10)), p.id_number[3:10], "12-345"))
        pr.status = "invalid_id"
        pr.warnings.append("id_invalid")
    elif fault == "excel_id":
        pr.id_numeric = True
        pr.warnings.append("id_restored")
    elif fault == "excel_date":
        pr.dob_form = "serial"
    if diffs and pr.status == "matched":
        pr.status = "mismatch"
    return pr


def _typo(name: str, rnd: random.Random) -> str:
    words = name.split()
    last = words[-1]
    positions = [i for i, ch in enumerate(last) if ch.isascii() and ch.isalpha() and i > 0]
    if not positions:
        positions = [i for i, ch in enumerate(last) if ch.isalpha() and i > 0] or [0]
    i = rnd.choice(positions)
    base = fold(last[i])
    letter = rnd.choice([c for c in "bcdghklmnpqrstvx" if c != base])
    words[-1] = last[:i] + letter + last[i + 1:]
    return " ".join(words)


def _different_name(p: Person, rnd: random.Random) -> str:
    from desktop.demo.people import vietnamese_name

    for _ in range(100):
        candidate = vietnamese_name(rnd, p.sex)
        if name_kind(candidate, p.full_name) == "different":
            return candidate
    return "Hoàng Thị Tuyết Nhung" if p.sex == "F" else "Trịnh Quang Khải"


def _doses(rnd: random.Random, today: dt.date) -> list[Dose]:
    names = [v[0] for v in VACCINES]
    weights = [v[2] for v in VACCINES]
    vaccine = rnd.choices(names, weights=weights)[0]
    count = rnd.choices((1, 2, 3), weights=(25, 50, 25))[0]
    first = dt.date(2021, 3, 8) + dt.timedelta(days=rnd.randrange(0, 300))
    dates = [first]
    for n in range(1, count):
        dates.append(dates[-1] + dt.timedelta(days=rnd.randint(28, 84) if n == 1 else rnd.randint(150, 210)))
    out = []
    for n, date in enumerate(dates, 1):
        if date >= today:
            break
        name = vaccine if n < 3 else rnd.choice(("Pfizer", "Moderna", "AstraZeneca"))
        prefix = next(v[1] for v in VACCINES if v[0] == name)
        out.append(Dose(n, name, f"{prefix}{rnd.randrange(1000, 99999)}", date))
    return out


# ---------------------------------------------------------------- writing
LONG_HEADERS = ("STT", "Mã mũi tiêm", "Họ và tên", "Ngày sinh", "Giới tính", "Số CMND/CCCD", "Quốc tịch",
                "Số điện thoại", "Số thẻ BHYT", "Mã tỉnh", "Mã huyện", "Mã xã", "Tên vắc xin", "Lô vắc xin",
                "Mũi số", "Ngày tiêm", "Mã cơ sở tiêm")
LONG_TITLE_ROWS = 3  # title, subtitle, blank; the header is row 4


def _excel_serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def _date_cell(iso: str, form: str, spreadsheet: bool) -> Any:
    if len(iso) == 4:
        return iso
    day = dt.date.fromisoformat(iso)
    if form == "serial":
        return _excel_serial(day) if spreadsheet else str(_excel_serial(day))
    if form == "datecell" and spreadsheet:
        return dt.datetime(day.year, day.month, day.day)
    if form == "iso":
        return day.isoformat()
    if form == "d/m":
        return f"{day.day}/{day.month}/{day.year}"
    return day.strftime("%d/%m/%Y")


def _id_cell(pr: Presented, spreadsheet: bool) -> Any:
    if pr.id_numeric:
        return int(pr.id_text) if spreadsheet else str(int(pr.id_text))
    return pr.id_text


def _sex_text(sex: str, rnd: random.Random) -> str:
    return ("Nam" if sex == "M" else "Nữ") if rnd.random() < 0.9 else ("M" if sex == "M" else "F")


@dataclass
class LongRow:
    cells: list[Any]  # spreadsheet values
    csv_cells: list[str]
    truth: dict[str, Any]


def plan_lists(people: list[Person], seed: int, today: dt.date | None = None,
               registry_ids: set[str] | None = None) -> dict[str, Any]:
    """Choose faults and build the rows of both layouts (without writing files)."""
    today = today or dt.date.today()
    rnd = random.Random(seed * 7919 + 17)
    taken = set(registry_ids or {p.id_number for p in people})
    order = list(range(len(people)))
    rnd.shuffle(order)
    faults: dict[int, str | None] = dict.fromkeys(range(len(people)))
    free = list(order)
    n = len(people)
    for fault, share in PERSON_FAULTS:
        if fault in ("year_only", "placeholder"):
            continue
        quota = max(1, round(share * n))
        for index in list(free):
            if quota == 0:
                break
            if _eligible(fault, people[index], taken):
                faults[index] = fault
                free.remove(index)
                quota -= 1
    for index in free:  # year-only births: half written as the year, half as the 01/01 placeholder
        if len(people[index].date_of_birth) == 4:
            faults[index] = "placeholder" if rnd.random() < 0.5 else None
    presented = [present(people[i], faults[i], rnd, taken, today) for i in range(n)]
    doses = [_doses(rnd, today) for _ in range(n)]
    return {"presented": presented, "doses": doses, "rnd": rnd, "today": today}


def _check(pr: Presented) -> dict[str, Any]:
    return {"status": pr.status, "differences": list(pr.differences)}


def build_long(plan: dict[str, Any]) -> tuple[list[LongRow], list[int]]:
    rnd: random.Random = plan["rnd"]
    today: dt.date = plan["today"]
    rows: list[LongRow] = []
    accepted_rows: list[int] = []
    row_number = LONG_TITLE_ROWS + 1
    ref_counter = 0
    for pr, doses in zip(plan["presented"], plan["doses"], strict=True):
        phone = f"09{rnd.randrange(10**8):08d}"
        insurance = f"HN4{pr.person.id_number[-10:]:0>10}01"[:15] if pr.person.nationality == "VN" else ""
        for dose in doses:
            ref_counter += 1
            row_number += 1
            ref = f"VN-{ref_counter:07d}"
            vaccine, reject = dose.vaccine, []
            vdate: Any = dose.date
            sex_text = _sex_text(pr.sex, rnd)
            roll = rnd.random()
            row_faults = list(pr.faults)
            if roll < 0.02:
                vaccine = rnd.choice(UNKNOWN_VACCINES)
                reject.append("unknown_vaccine")
                row_faults.append("unknown_vaccine")
            elif roll < 0.03:
                vdate = today + dt.timedelta(days=rnd.randint(400, 800))
                reject.append("future_date")
                row_faults.append("future_date")
            elif roll < 0.04:
                sex_text = "X"
                reject.append("bad_sex")
                row_faults.append("bad_sex")
            date_form = rnd.choice(("dmy", "dmy", "dmy", "datecell", "serial" if "excel_date" in pr.faults else "dmy"))
            cells_common = [str(row_number - LONG_TITLE_ROWS - 1), ref]
            values = [
                pr.name, None, sex_text, None, pr.person.nationality if pr.person.nationality != "VN" else "Việt Nam",
                phone, insurance, "01", "006", "00208", vaccine, dose.lot, dose.number, None, FACILITY_CODE,
            ]
            sheet_cells = cells_common + list(values)
            csv_cells = cells_common + [str(v) if v is not None else "" for v in values]
            sheet_cells[3] = _date_cell(pr.dob, pr.dob_form, True)
            csv_cells[3] = str(_date_cell(pr.dob, pr.dob_form, False))
            sheet_cells[5] = _id_cell(pr, True)
            csv_cells[5] = str(_id_cell(pr, False))
            vdate_iso = vdate.isoformat()
            sheet_cells[15] = _date_cell(vdate_iso, date_form, True)
            csv_cells[15] = str(_date_cell(vdate_iso, date_form, False))
            if reject:
                truth = {"outcome": "rejected", "codes": reject}
                check = None
            else:
                truth = {"outcome": "accepted", "records": 1, "warnings": list(pr.warnings)}
                check = _check(pr)
                accepted_rows.append(len(rows))
            rows.append(LongRow(sheet_cells, csv_cells, {
                "row": row_number, "source_ref": ref, "registry_id": pr.person.id_number, "faults": row_faults,
                "import": truth, "check": check}))
    # duplicates: exact copies of accepted rows, inserted after their original
    copies = max(1, round(len(rows) * 0.02))
    for index in sorted(rnd.sample(accepted_rows, min(copies, len(accepted_rows))), reverse=True):
        original = rows[index]
        rows.insert(index + 1 + rnd.randrange(0, 3), LongRow(list(original.cells), list(original.csv_cells), {
            "row": 0, "source_ref": original.truth["source_ref"], "registry_id": original.truth["registry_id"],
            "faults": ["duplicate"], "import": {"outcome": "duplicate", "of_row": None, "_of": id(original)},
            "check": None}))
    by_identity = {}
    for number, row in enumerate(rows, LONG_TITLE_ROWS + 2):
        row.truth["row"] = number
        row.cells[0] = row.csv_cells[0] = str(number - LONG_TITLE_ROWS - 1)
        by_identity[id(row)] = number
    for row in rows:
        imp = row.truth["import"]
        if imp.get("outcome") == "duplicate":
            imp["of_row"] = by_identity[imp.pop("_of")]
    total_row = LONG_TITLE_ROWS + 2 + len(rows)
    return rows, [total_row]


def write_long(rows: list[LongRow], total_rows: list[int], folder: Path, day: dt.date) -> tuple[Path, Path]:
    from openpyxl import Workbook

    title = "DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN PHÒNG COVID-19"
    subtitle = f"Cơ sở tiêm: {FACILITY_NAME} ({FACILITY_CODE}) — xuất ngày {day.strftime('%d/%m/%Y')}"
    total = f"Tổng cộng: {len(rows)} mũi tiêm"
    xlsx = folder / "daily-list-long.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append([title])
    sheet.append([subtitle])
    sheet.append([])
    sheet.append(list(LONG_HEADERS))
    for row in rows:
        sheet.append(row.cells)
    sheet.append([total])
    hidden = book.create_sheet("Danh mục")  # a hidden lookup sheet, as real exports have
    hidden.append(["Mã", "Tên vắc xin"])
    for name, _prefix, _w in VACCINES:
        hidden.append([name, name])
    hidden.sheet_state = "hidden"
    book.save(xlsx)
    path_csv = folder / "daily-list-long.csv"
    with open(path_csv, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([title])
        writer.writerow([subtitle])
        writer.writerow([])
        writer.writerow(LONG_HEADERS)
        for row in rows:
            writer.writerow(row.csv_cells)
        writer.writerow([total])
    return xlsx, path_csv


PL1_NOTES = (
    ["Chú ý: "],
    ["", "1.Các cột có hoa thị (*) màu đỏ là cột bắt buộc phải nhập thông tin. "],
    ["", "2. Địa điểm tiêm nhập Mã cơ sở KCB của cơ sở tiêm, tham khảo tại PL4"],
    ["", "3. Với các cột không có thông tin hoặc thiếu thông tin thì KHÔNG NHẬP"],
    ["", "4. Thực hiện bỏ bộ lọc dữ liệu ( Filter) tại tất cả các sheet danh mục (sau khi thực hiện tra cứu) "
         "trước khi Tải file import lên hệ thống"],
    [],
)
PL1_TOP = ("#", "Họ và tên (*)", "Ngày sinh dạng dd/mm/yyyy (*)", "Giới tính (*)\n(0:nam, 1:nữ)",
           "Mã nhóm \nđối tượng ưu tiên (*)\n(Tham khảo PL2)", "Đơn vị công tác", "Số điện thoại(*)\n(Tối thiểu 10 số)",
           "Số CMT/CCCD\n(Loại 8/9/12 số)", "Số thẻ bảo hiểm y tế\n(Mã thẻ 10/15 ký tự)",
           "Nơi ở tạm trú (hiện tại) (*)\n(Tham khảo PL3)", "", "", "", "", "", "", "", "Tên vắc xin (*)\n(Tham khảo PL5)",
           "Mũi 1", "", "", "Tên vắc xin (*)\n(Tham khảo PL5)", "Mũi 2", "", "", "Ghi chú",
           "Kết quả import\n(không điền ô này)")
PL1_SUB = ("", "", "", "", "", "", "", "", "", "Tỉnh/Thành phố", "Mã\n Tỉnh/Thành phố (*)", "Quận/Huyện",
           "Mã Quận/Huyện\n(*)", "Xã/Phường", "Mã Xã/Phường\n(*)", "Địa bàn cơ sở", "Địa chỉ chi tiết", "",
           "Ngày tiêm dạng dd/mm/yyyy (*)", "Lô vắc xin(*)", "Địa điểm tiêm (*)\n(Tham khảo PL4)", "",
           "Ngày tiêm dạng dd/mm/yyyy (*)", "Lô vắc xin(*)", "Địa điểm tiêm (*)\n(Tham khảo PL4)", "", "")
PL1_MERGES = (((6, 0), (7, 0)), ((6, 1), (7, 1)), ((6, 2), (7, 2)), ((6, 3), (7, 3)), ((6, 4), (7, 4)),
              ((6, 5), (7, 5)), ((6, 6), (7, 6)), ((6, 7), (7, 7)), ((6, 8), (7, 8)), ((6, 9), (6, 16)),
              ((6, 17), (7, 17)), ((6, 18), (6, 20)), ((6, 21), (7, 21)), ((6, 22), (6, 24)), ((6, 25), (7, 25)),
              ((6, 26), (7, 26)), ((0, 0), (0, 18)))
PL1_FIRST_ROW = 9  # 1-based file row of the first person


def build_pl1(plan: dict[str, Any]) -> tuple[list[tuple[list[Any], dict[str, Any]]], list[int]]:
    rnd = random.Random(plan["rnd"].random())
    today: dt.date = plan["today"]
    rows: list[tuple[list[Any], dict[str, Any]]] = []
    accepted: list[int] = []
    for pr, doses in zip(plan["presented"], plan["doses"], strict=True):
        doses = doses[:2]
        if not doses:
            continue
        cells: list[Any] = [""] * 27
        cells[1] = pr.name
        cells[2] = _date_cell(pr.dob, "dmy" if pr.dob_form in ("iso", "d/m", "datecell") else pr.dob_form, True)
        cells[3] = "0" if pr.sex == "M" else "1"
        cells[4] = str(rnd.randint(1, 10))
        cells[6] = f"09{rnd.randrange(10**8):08d}"
        cells[7] = _id_cell(pr, True)
        cells[9:17] = ["Thành phố Hà Nội", "01", "Quận Đống Đa", "006", "Phường Phương Mai", "00208", "", "Số 1 Giải Phóng"]
        reject: list[str] = []
        row_faults = list(pr.faults)
        roll = rnd.random()
        for block, dose in enumerate(doses):
            base = 17 + 4 * block
            vaccine, vdate = dose.vaccine, dose.date
            if block == len(doses) - 1 and roll < 0.02:
                vaccine = rnd.choice(UNKNOWN_VACCINES)
                reject.append("unknown_vaccine")
                row_faults.append("unknown_vaccine")
            elif block == len(doses) - 1 and roll < 0.03:
                vdate = today + dt.timedelta(days=rnd.randint(400, 800))
                reject.append("future_date")
                row_faults.append("future_date")
            cells[base] = vaccine
            cells[base + 1] = _date_cell(vdate.isoformat(), "serial" if "excel_date" in pr.faults else "dmy", True)
            cells[base + 2] = dose.lot
            cells[base + 3] = FACILITY_CODE
        if reject:
            truth = {"outcome": "rejected", "codes": reject}
            check = None
        else:
            truth = {"outcome": "accepted", "records": len(doses), "warnings": list(pr.warnings)}
            check = _check(pr)
            accepted.append(len(rows))
        rows.append((cells, {"row": 0, "source_ref": "", "registry_id": pr.person.id_number, "faults": row_faults,
                             "import": truth, "check": check}))
    copies = max(1, round(len(rows) * 0.02))
    for index in sorted(rnd.sample(accepted, min(copies, len(accepted))), reverse=True):
        cells, truth = rows[index]
        rows.insert(index + 1, (list(cells), {"row": 0, "source_ref": "", "registry_id": truth["registry_id"],
                                              "faults": ["duplicate"], "import": {"outcome": "duplicate",
                                                                                  "_of": id(truth)}, "check": None}))
    numbers = {}
    for number, (cells, truth) in enumerate(rows, PL1_FIRST_ROW):
        truth["row"] = number
        cells[0] = number - PL1_FIRST_ROW + 1
        numbers[id(truth)] = number
    for _cells, truth in rows:
        imp = truth["import"]
        if imp.get("outcome") == "duplicate":
            imp["of_row"] = numbers[imp.pop("_of")]
    return rows, [PL1_FIRST_ROW + len(rows)]


def write_pl1(rows: list[tuple[list[Any], dict[str, Any]]], folder: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("PL1_Danh sach doi tuong tiem")
    wrap = xlwt.easyxf("alignment: wrap on, vert centre, horiz centre; font: bold on")
    merged_cells = set()
    for (r0, c0), (r1, c1) in PL1_MERGES:
        value = (PL1_TOP if r0 == 6 else PL1_NOTES[0])[c0] if r0 in (0, 6) else ""
        sheet.write_merge(r0, r1, c0, c1, value, wrap if r0 == 6 else xlwt.Style.default_style)
        merged_cells |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, note in enumerate(PL1_NOTES):
        for c, value in enumerate(note):
            if (r, c) not in merged_cells and value:
                sheet.write(r, c, value)
    for c, value in enumerate(PL1_SUB):
        if (7, c) not in merged_cells:
            sheet.write(7, c, value, wrap)
    for c, value in enumerate(PL1_TOP):
        if (6, c) not in merged_cells:
            sheet.write(6, c, value, wrap)
    for offset, (cells, _truth) in enumerate(rows):
        r = PL1_FIRST_ROW - 1 + offset
        for c, value in enumerate(cells):
            if value == "" or value is None:
                continue
            sheet.write(r, c, value)
    sheet.write(PL1_FIRST_ROW - 1 + len(rows), 1, f"Tổng cộng: {len(rows)} người")
    path = folder / "daily-list-pl1.xls"
    book.save(str(path))
    return path


def write_lists(people: list[Person], folder: Path | str, seed: int = 2021, count: int | None = None,
                today: dt.date | None = None, registry_ids: set[str] | None = None) -> dict[str, Any]:
    """Write the demo lists for the first ``count`` people and the ground truth beside them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    listed = people[:count] if count else people
    plan = plan_lists(listed, seed, today, registry_ids)
    long_rows, long_ignored = build_long(plan)
    xlsx, path_csv = write_long(long_rows, long_ignored, folder, plan["today"])
    pl1_rows, pl1_ignored = build_pl1(plan)
    xls = write_pl1(pl1_rows, folder)
    truth = {
        "format": TRUTH_FORMAT, "seed": seed, "generated_on": plan["today"].isoformat(),
        "facility_code": FACILITY_CODE,
        "lists": [
            {"layout": "long", "files": [xlsx.name, path_csv.name], "header_row": LONG_TITLE_ROWS + 1,
             "ignored_rows": long_ignored, "rows": [r.truth for r in long_rows]},
            {"layout": "pl1", "files": [xls.name], "header_row": 7, "ignored_rows": pl1_ignored,
             "rows": [t for _c, t in pl1_rows]},
        ],
    }
    for entry in truth["lists"]:
        entry["summary"] = summarise(entry["rows"])
    truth_path = folder / "daily-list-truth.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"list_file": str(xlsx), "list_files": {"long_xlsx": str(xlsx), "long_csv": str(path_csv),
                                                   "pl1_xls": str(xls)}, "truth_file": str(truth_path)}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"rows": len(rows), "accepted": 0, "rejected": 0, "duplicates": 0, "records": 0,
                           "status": {}}
    for row in rows:
        outcome = row["import"]["outcome"]
        out["duplicates" if outcome == "duplicate" else outcome] += 1
        if outcome == "accepted":
            records = row["import"]["records"]
            out["records"] += records
            status = row["check"]["status"]
            out["status"][status] = out["status"].get(status, 0) + records
    return out
