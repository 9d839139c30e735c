from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select, update

from desktop.errors import UserError
from desktop.models import Certificate
from desktop.overview import todays_picture
from desktop.reports.chart import STATE_COLOURS, draw_chart, write_chart
from desktop.reports.register import write_register
from tests.unit.reports.demo_day import DAY, DAY_BEFORE, build_demo_day


@pytest.fixture
def demo(workspace):
    ids = build_demo_day(workspace)
    with workspace.db.session() as s:
        first, second = s.execute(select(Certificate.id).order_by(Certificate.id).limit(2)).scalars()
        s.execute(update(Certificate).where(Certificate.id == first).values(status="revoked"))
        s.execute(update(Certificate).where(Certificate.id == second)
                  .values(expires_at=datetime.now(UTC) - timedelta(days=1)))
    return ids


def _states(rows) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        out[row[-1]] = out.get(row[-1], 0) + 1
    return out


def test_register_as_xlsx(workspace, demo, tmp_path):
    count = write_register(workspace, tmp_path / "so.xlsx")
    book = load_workbook(tmp_path / "so.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("UVCI", "Họ và tên", "Ngày sinh", "Vắc xin", "Mũi", "Ngày tiêm", "Trạng thái")
    assert count == len(rows) - 1 == 6 + 5 + 3
    assert all(r[0].startswith("URN:UVCI:01:VN:") and r[1].startswith("Nguyễn Văn") and r[2] == "1990-01-02"
               for r in rows[1:])
    assert {(r[3], r[4]) for r in rows[1:] if r[5] == DAY} == {("Pfizer-BioNTech (Comirnaty)", "1/2"),
                                                                ("Moderna (Spikevax)", "2/2")}
    assert _states(rows[1:]) == {"Đã thu hồi": 1, "Hết hạn": 1, "Còn hiệu lực": 12}
    assert [r[5] for r in rows[1:]] == sorted(r[5] for r in rows[1:])


def test_register_as_csv_for_a_period(workspace, demo, tmp_path):
    out = tmp_path / "so.csv"
    assert write_register(workspace, out, date_from=DAY) == 8
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Vietnamese only with the mark
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 9 and {r[5] for r in rows[1:]} == {DAY}
    assert write_register(workspace, tmp_path / "before.csv", date_from=DAY_BEFORE, date_to=DAY_BEFORE) == 6


def test_register_refuses_other_formats(workspace, tmp_path):
    with pytest.raises(UserError) as err:
        write_register(workspace, tmp_path / "so.pdf")
    assert err.value.code == "bad_format"


def test_chart_picture_has_a_bar_per_list_in_the_overview_colours(workspace, demo, tmp_path):
    picture = todays_picture(workspace)
    out = write_chart(picture, tmp_path / "chart.png")
    with Image.open(out) as image:
        assert image.format == "PNG"
        colours = {c for _n, c in image.convert("RGB").getcolors(maxcolors=1_000_000)}
    certified = tuple(int(STATE_COLOURS["certified"][i:i + 2], 16) for i in (1, 3, 5))
    review = tuple(int(STATE_COLOURS["needs_review"][i:i + 2], 16) for i in (1, 3, 5))
    assert certified in colours and review in colours
    days = draw_chart(picture, "days")
    lists = draw_chart(picture, "lists")
    assert days.height < lists.height  # two vaccination days, three lists


def test_empty_chart_still_draws(workspace, tmp_path):
    image = draw_chart(todays_picture(workspace))
    assert image.width == 1200 and image.height > 100


def test_cancelled_register_leaves_no_file(workspace, demo, tmp_path):
    from desktop.errors import Cancelled
    from desktop.progress import Progress

    seen = []
    progress = Progress(lambda done, total, _label: seen.append((done, total)), min_interval=0)
    assert write_register(workspace, tmp_path / "so.csv", progress=progress) == 14
    assert seen[-1] == (14, 14)
    progress.cancel()
    with pytest.raises(Cancelled):
        write_register(workspace, tmp_path / "other.csv", progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["so.csv"]
