"""The Review page as a workbench: an Edit form with proper widgets that checks before it closes, reasons
that fit the action with none chosen in advance, invalid IDs explained and never kept, and an empty queue
that says to check first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.errors import UserError
from desktop.review import resolve, review_item
from tests.unit.registry.factory import add_checked, add_records, citizen

pytestmark = pytest.mark.gui

AN = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")


@pytest.fixture
def page(qtbot, workspace):
    from desktop.views.context import AppContext
    from desktop.views.pages.review import create_page

    widget = create_page(AppContext(workspace, actor="lan"))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    from desktop.views.operations import wait_idle

    wait_idle()


def test_edit_form_has_sex_choice_checks_before_closing_and_keeps_edits(qtbot):
    from desktop.views.pages.review import EditDialog

    item = {"full_name": "Nguyen Van An", "date_of_birth": "1990-05-12", "sex": "F", "id_number": "001090012345",
            "nationality": "VN", "registry": {"full_name": "Nguyễn Văn An", "sex": "M", "date_of_birth": "1990-05-12"}}
    dialog = EditDialog(None, item)
    qtbot.addWidget(dialog)
    sex = dialog.fields["sex"]
    assert [sex.itemData(i) for i in range(sex.count())] == ["M", "F"] and sex.currentData() == "F"
    assert sex.itemText(0) in ("Nam", "Male")
    assert dialog.fields["date_of_birth"].text() == "12/05/1990"

    dialog.fields["full_name"].setText("Nguyễn Văn An")
    dialog.fields["date_of_birth"].setText("31/02/1990")  # no such day
    sex.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.isVisibleTo(dialog)
    assert "31/02/1990" in dialog.error.text() or "1990-02-31" in dialog.error.text()
    assert dialog.fields["full_name"].text() == "Nguyễn Văn An" and sex.currentData() == "M"  # edits kept

    dialog.fields["id_number"].setText("0010900123456")  # 13 digits
    dialog.fields["date_of_birth"].setText("12/05/1990")
    dialog.accept()
    assert "13" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted

    dialog.fields["id_number"].setText("001090012345")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values() == {"full_name": "Nguyễn Văn An", "sex": "M"}


def test_reasons_fit_the_action_and_none_is_chosen_in_advance(qtbot, workspace, page, monkeypatch):
    from desktop.views import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask_item", lambda parent, title, label, items, editable=True: asked.append(items))
    ids = add_checked(workspace, [(("Ai Đó", "1990-01-01", "M", "001090099999"), None)])
    page.reload()
    qtbot.waitUntil(lambda: page.current is not None and page.current is not None and page.current["record_id"] == ids[0] and not page.busy)
    for key in (Qt.Key.Key_K, Qt.Key.Key_R):
        qtbot.keyClick(page, key)
    keep, reject = asked
    assert keep[0] == "" and reject[0] == ""  # the clerk chooses; nothing asserts a verification for her
    assert any("giấy tờ tùy thân" in r or "ID card" in r for r in keep)
    assert not any("giấy tờ tùy thân (CCCD" in r or "Checked against" in r for r in reject)
    assert review_item(workspace, ids[0])["decision"] is None  # cancelled twice: nothing decided


def test_an_invalid_id_is_explained_and_cannot_be_kept(qtbot, workspace, page, monkeypatch):
    ids = add_records(workspace, [("Lê Văn Bình", "1970-01-01", "M", "0010700123489")])
    from desktop.models import VaccinationRecord

    with workspace.db.session() as session:
        session.get(VaccinationRecord, ids[0]).check_status = "invalid_id"
    with pytest.raises(UserError) as refused:
        resolve(workspace, ids[0], "keep_list", "Đã đối chiếu giấy tờ tùy thân", "lan")
    assert refused.value.code == "invalid_id_kept" and "13" in str(refused.value.message)
    page.reload()
    qtbot.waitUntil(lambda: page.current is not None and page.current is not None and page.current["record_id"] == ids[0] and not page.busy)
    assert "13" in page.view.text() and ("không hợp lệ" in page.view.text() or "not valid" in page.view.text())
    assert review_item(workspace, ids[0])["decision"] is None


def test_an_empty_queue_with_unchecked_records_says_check_first(qtbot, workspace, page):
    add_records(workspace, [("Ai Đó", "1990", "M", "001090099999"), ("Ai Khác", "1991", "F", "001191099998")])
    page.reload()
    qtbot.waitUntil(lambda: "F5" in page.view.text() and not page.busy)
    assert "2" in page.view.text()


def _set(workspace, record_id, **values):
    from desktop.models import VaccinationRecord

    with workspace.db.session() as session:
        record = session.get(VaccinationRecord, record_id)
        for name, value in values.items():
            setattr(record, name, value)


THUY = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")


def test_the_queue_grid_beside_the_card_follows_the_keys_and_the_mouse(qtbot, workspace, page):
    ids = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
                                  (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY),
                                  (("Ai Đó", "1990-01-01", "M", "001090099999"), None)])
    page.reload()
    qtbot.waitUntil(lambda: page.current is not None and page.current is not None and page.current["record_id"] == ids[0] and not page.busy)
    assert page.model.rowCount() == 3 and page.table.isVisible()
    table, card = page.table.geometry(), page.view.parentWidget().parentWidget().parentWidget()
    assert table.width() >= 400 and card.width() >= 450  # side by side at 1366×768
    assert page.table.mapTo(page, table.topLeft()).x() < card.mapTo(page, card.rect().topLeft()).x()
    names = [page.model.data(page.model.index(r, 1)) for r in range(3)]
    assert names == ["Nguyen Van An", "Trần Thị Thúy", "Ai Đó"]
    assert "Họ tên: khác dấu" in page.model.data(page.model.index(0, 2)) or "accents" in page.model.data(page.model.index(0, 2))
    assert page.table.selectionModel().currentIndex().row() == 0

    qtbot.keyClick(page, Qt.Key.Key_N)  # the keys move the grid's selection with the card
    qtbot.waitUntil(lambda: page.current is not None and page.current["record_id"] == ids[1])
    assert page.table.selectionModel().currentIndex().row() == 1
    rect = page.table.visualRect(page.model.index(2, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a row picked: its card
    qtbot.waitUntil(lambda: page.current is not None and page.current["record_id"] == ids[2] and not page.busy)
    assert "Ai Đó" in page.view.text() and page.position.text() == "3 / 3"
    qtbot.keyClick(page, Qt.Key.Key_D)  # the keys still decide after a click in the grid
    qtbot.waitUntil(lambda: review_item(workspace, ids[2])["decision"] == "defer" and not page.busy)

    page._sort_by(7)  # date of birth, oldest first
    qtbot.waitUntil(lambda: page.ids == [ids[1], ids[2], ids[0]] and not page.busy)
    assert page.model.ids() == page.ids


def test_filters_by_list_and_day_and_counts_that_follow(qtbot, workspace, page):
    from desktop.models import DailyList

    ids = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
                                  (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY)])
    with workspace.db.session() as session:
        first = DailyList(file_name="sang.xlsx", file_sha256="0" * 64, layout="pl1")
        session.add(first)
        session.flush()
        first_id = first.id
    _set(workspace, ids[0], list_id=first_id, vaccination_date="2021-09-01")
    _set(workspace, ids[1], vaccination_date="2021-10-01")
    page.reload()
    qtbot.waitUntil(lambda: page.ids == ids and not page.busy)
    days = [page.day_box.itemData(i) for i in range(page.day_box.count())]
    assert days == [None, "2021-10-01", "2021-09-01"] and "01/10/2021 (1)" in page.day_box.itemText(1)
    assert "sang.xlsx" in page.list_box.itemText(1)
    page.day_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.ids == [ids[1]] and page.current is not None and page.current["record_id"] == ids[1] and not page.busy)
    assert page.filter_box.itemText(0).endswith("(1)")  # counts follow the day
    qtbot.keyClick(page, Qt.Key.Key_D)  # after a decision too
    qtbot.waitUntil(lambda: review_item(workspace, ids[1])["decision"] == "defer" and not page.busy)
    qtbot.waitUntil(lambda: page.filter_box.itemText(0).endswith("(1)") and page.day_box.currentData() == "2021-10-01")
    page.day_box.setCurrentIndex(0)
    page.list_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.ids == [ids[0]] and page.current is not None and page.current["record_id"] == ids[0] and not page.busy)


def test_one_decision_for_the_persons_doses_said_on_the_card(qtbot, workspace, page, monkeypatch):
    ids = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
                                  (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
                                  (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY)])
    _set(workspace, ids[1], dose_number=2, vaccination_date="2021-10-01")
    page.reload()
    qtbot.waitUntil(lambda: page.current is not None and page.current is not None and page.current["record_id"] == ids[0] and not page.busy)
    assert "áp dụng cho 2 mũi của cùng người" in page.view.text() or "applies to 2 doses" in page.view.text()
    qtbot.keyClick(page, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: page.current is not None and page.current["record_id"] == ids[2] and not page.busy)
    assert page.ids == [ids[2]] and page.model.rowCount() == 1
    assert "cùng người" not in page.view.text() and "same person" not in page.view.text()
    assert review_item(workspace, ids[1])["decision"] == "accept_registry"
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # both doses come back together
    qtbot.waitUntil(lambda: set(page.ids) == set(ids) and not page.busy)
    assert review_item(workspace, ids[0])["decision"] is None and review_item(workspace, ids[1])["decision"] is None


def test_the_queue_grid_remembers_its_column_widths(qtbot, workspace, page):
    from desktop.views.context import AppContext
    from desktop.views.pages.review import ReviewPage

    page.table.setColumnWidth(1, 271)
    page._save_columns()
    again = ReviewPage(AppContext(workspace, actor="lan"))
    qtbot.addWidget(again)
    assert again.table.columnWidth(1) == 271
