"""What the clerk reads about each row: Vietnamese first, English equivalent, naming row, column, value, fix."""

from __future__ import annotations

from desktop.i18n import Message, tr

_TEXT: dict[str, tuple[str, str]] = {
    "required": (
        "Dòng {row}, cột “{column}”: thiếu {field}. Hãy điền {field} rồi nhập lại dòng này.",
        "Row {row}, column “{column}”: {field} is missing. Fill it in and load the row again."),
    "bad_date": (
        "Dòng {row}, cột “{column}”: “{value}” không phải ngày hợp lệ. Hãy ghi ngày dạng dd/mm/yyyy (ví dụ 05/09/2021).",
        "Row {row}, column “{column}”: “{value}” is not a valid date. Write it as dd/mm/yyyy (e.g. 05/09/2021)."),
    "date_short_year": (
        "Dòng {row}, cột “{column}”: “{value}” có năm 2 chữ số, không biết thế kỷ. Hãy ghi năm đủ 4 chữ số (dd/mm/yyyy).",
        "Row {row}, column “{column}”: “{value}” has a 2-digit year. Write the year with 4 digits (dd/mm/yyyy)."),
    "date_year_only": (
        "Dòng {row}, cột “{column}”: “{value}” chỉ có năm; ngày tiêm phải đủ ngày, tháng, năm (dd/mm/yyyy).",
        "Row {row}, column “{column}”: “{value}” is only a year; the vaccination date needs day, month and year."),
    "future_date": (
        "Dòng {row}, cột “{column}”: ngày tiêm {value} ở tương lai. Hãy sửa lại ngày tiêm thực tế.",
        "Row {row}, column “{column}”: the vaccination date {value} is in the future. Enter the actual date."),
    "before_birth": (
        "Dòng {row}, cột “{column}”: ngày tiêm {value} trước ngày sinh {dob}. Hãy kiểm tra ngày sinh và ngày tiêm.",
        "Row {row}, column “{column}”: vaccinated on {value}, before the date of birth {dob}. Check both dates."),
    "dob_before_1900": (
        "Dòng {row}, cột “{column}”: ngày sinh {value} trước năm 1900. Hãy kiểm tra lại ngày sinh.",
        "Row {row}, column “{column}”: the date of birth {value} is before 1900. Check the date of birth."),
    "dob_future": (
        "Dòng {row}, cột “{column}”: ngày sinh {value} ở tương lai. Hãy kiểm tra lại ngày sinh.",
        "Row {row}, column “{column}”: the date of birth {value} is in the future. Check the date of birth."),
    "bad_sex": (
        "Dòng {row}, cột “{column}”: giới tính “{value}” không rõ. Hãy ghi Nam hoặc Nữ (hoặc 0 = nam, 1 = nữ).",
        "Row {row}, column “{column}”: sex “{value}” is not understood. Write Nam or Nữ (or 0 = male, 1 = female)."),
    "bad_dose": (
        "Dòng {row}, cột “{column}”: mũi tiêm “{value}” không hợp lệ. Mũi số phải là số nguyên từ 1 đến 10.",
        "Row {row}, column “{column}”: dose “{value}” is not valid. The dose number must be a whole number 1–10."),
    "unknown_vaccine": (
        "Dòng {row}, cột “{column}”: không nhận ra vắc xin “{value}”. Hãy ghi tên vắc xin trong danh mục "
        "(ví dụ AstraZeneca, Pfizer, Moderna, Vero Cell); tên lạ không được đoán.",
        "Row {row}, column “{column}”: the vaccine “{value}” is not known. Use a name from the vaccine list "
        "(e.g. AstraZeneca, Pfizer, Moderna, Vero Cell); unknown names are never guessed."),
    "bad_nationality": (
        "Dòng {row}, cột “{column}”: không nhận ra quốc tịch “{value}”. Hãy ghi mã 2 chữ cái (VN, KR, US…).",
        "Row {row}, column “{column}”: nationality “{value}” is not understood. Use a 2-letter code (VN, KR, US…)."),
    "bad_name": (
        "Dòng {row}, cột “{column}”: họ tên “{value}” không hợp lệ (có chữ số hoặc quá ngắn). Hãy ghi đúng họ và tên.",
        "Row {row}, column “{column}”: the name “{value}” is not valid (digits or too short). Enter the full name."),
    "too_long": (
        "Dòng {row}, cột “{column}”: giá trị dài quá {max} ký tự. Hãy rút gọn hoặc kiểm tra lại cột.",
        "Row {row}, column “{column}”: the value is longer than {max} characters. Shorten it or check the column."),
    "no_dose": (
        "Dòng {row}: không có mũi tiêm nào (thiếu tên vắc xin, ngày tiêm, lô). Hãy điền ít nhất một mũi.",
        "Row {row}: no dose is filled in (vaccine, date, lot missing). Fill in at least one dose."),
    "duplicate_in_file": (
        "Dòng {row} trùng với dòng {other_row} của cùng tệp ({key}); dòng này bị bỏ qua.",
        "Row {row} repeats row {other_row} of the same file ({key}); it was skipped."),
    "duplicate_record": (
        "Dòng {row} đã được nhập trước đây: bản ghi #{record_id} (danh sách {list_id}, dòng {other_row}; {key}); "
        "dòng này bị bỏ qua.",
        "Row {row} was already loaded: record #{record_id} (list {list_id}, row {other_row}; {key}); it was skipped."),
    "id_restored": (
        "Dòng {row}, cột “{column}”: số “{value}” đã mất số 0 ở đầu (do Excel); đã khôi phục thành {fixed}. "
        "Hãy định dạng cột này là Văn bản (Text) trong Excel.",
        "Row {row}, column “{column}”: “{value}” lost its leading zeros (Excel); restored to {fixed}. "
        "Format this column as Text in Excel."),
    "id_missing": (
        "Dòng {row}, cột “{column}”: thiếu số CMND/CCCD/hộ chiếu; bản ghi được nhận nhưng sẽ không đối chiếu được "
        "với CSDL dân cư cho đến khi bổ sung.",
        "Row {row}, column “{column}”: the ID number is missing; the record is loaded but cannot be checked against "
        "the registry until it is added."),
    "id_invalid": (
        "Dòng {row}, cột “{column}”: “{value}” không phải số CCCD (12 số), CMND (9 số) hay hộ chiếu; bản ghi được "
        "nhận và sẽ được đánh dấu “số giấy tờ sai” khi đối chiếu.",
        "Row {row}, column “{column}”: “{value}” is not a CCCD (12 digits), CMND (9 digits) or passport number; "
        "the record is loaded and will be marked “invalid ID” by the check."),
    "cccd_inconsistent": (
        "Dòng {row}, cột “{column}”: các chữ số của CCCD không khớp với {parts} của người này; bản ghi được nhận "
        "và đánh dấu để kiểm tra.",
        "Row {row}, column “{column}”: the CCCD digits disagree with this person's {parts}; the record is loaded "
        "and flagged for review."),
    "dose_already_loaded": (
        "Dòng {row}: mũi {dose} đã có (bản ghi #{record_id}); chỉ nhận các mũi mới.",
        "Row {row}: dose {dose} is already loaded (record #{record_id}); only the new doses were taken."),
}

PART_NAMES = {"sex": tr("giới tính", "sex"), "century": tr("thế kỷ sinh", "century of birth"),
              "year": tr("năm sinh", "year of birth")}


def row_message(code: str, **params: object) -> Message:
    vi, en = _TEXT[code]
    return tr(vi, en, **params)
