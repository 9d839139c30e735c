"""The Verify page: paste an HC1 string or open a photo/scan of a QR code, and see whether it is
valid, why not in plain words (the technical findings behind "Chi tiết"), and what it says —
vaccination, test and recovery certificates alike. Works offline with the trust list sync last
cached, plus the signing certificates imported from other countries."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.certificates.verification import (
    KIND_TITLES,
    TrustSource,
    Verdict,
    load_trust,
    verify_image,
    verify_text,
)
from desktop.i18n import format_date, tr
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.operations import NetOp

IMAGE_FILTERS = "Ảnh / Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"


def ask_image(parent: QWidget | None) -> str | None:
    """The picture to read (tests replace this function)."""
    return dialogs.ask_open_file(parent, str(tr("Mở ảnh mã QR", "Open a picture of the QR code")), IMAGE_FILTERS)


def ask_trust_list(parent: QWidget | None) -> str | None:
    return dialogs.ask_open_file(parent, str(tr("Chọn danh sách tin cậy", "Choose a trust list")),
                                 "JSON (*.json)")


class VerifyPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.trust_file: str | None = None
        self.verdict: Verdict | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{tr('Kiểm tra mã QR chứng nhận', 'Verify a certificate QR code')}</h2>"))
        layout.addWidget(QLabel(str(tr(
            "Dán chuỗi \"HC1:…\" (từ máy quét) hoặc mở ảnh chụp/ảnh quét mã QR.",
            "Paste the \"HC1:…\" text (from a scanner) or open a photo or scan of the QR code."))))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("hc1Text")
        self.text_edit.setPlaceholderText("HC1:…")
        self.text_edit.setMaximumHeight(110)
        layout.addWidget(self.text_edit)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(str(tr("Kiểm tra", "Verify")))
        self.verify_button.setShortcut("Ctrl+Return")
        self.image_button = QPushButton(str(tr("Mở ảnh mã QR…", "Open QR picture…")))
        self.trust_button = QPushButton(str(tr("Dùng danh sách tin cậy khác…", "Use another trust list…")))
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.image_button)
        buttons.addStretch(1)
        buttons.addWidget(self.trust_button)
        layout.addLayout(buttons)
        self.trust_label = QLabel()
        self.trust_label.setWordWrap(True)
        layout.addWidget(self.trust_label)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict_label)
        # Technical findings (codes, library messages, kid) stay behind "Chi tiết" until asked for.
        self.details_button = QToolButton()
        self.details_button.setObjectName("details")
        self.details_button.setText(str(tr("Chi tiết", "Details")))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setVisible(False)
        layout.addWidget(self.details_button)
        self.details_panel = QWidget()
        details_layout = QVBoxLayout(self.details_panel)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problems")
        self.problem_list.setMaximumHeight(120)
        details_layout.addWidget(self.problem_list)
        self.technical_label = QLabel()
        self.technical_label.setWordWrap(True)
        self.technical_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details_layout.addWidget(self.technical_label)
        self.details_panel.setVisible(False)
        layout.addWidget(self.details_panel)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kind")
        layout.addWidget(self.kind_label)
        self.form = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        self.issuer_label = QLabel()
        self.period_label = QLabel()
        self._build_rows(())
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.verify_button.clicked.connect(self.verify_pasted)
        self.image_button.clicked.connect(self.verify_picture)
        self.trust_button.clicked.connect(self.choose_trust_list)
        self.details_button.toggled.connect(self._toggle_details)
        self._show_trust(load_trust(self.workspace))

    def _toggle_details(self, shown: bool) -> None:
        self.details_panel.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _build_rows(self, rows: tuple[tuple[str, str, str, str], ...]) -> None:
        """One row per field of the certificate's kind, then who issued it and how long it is valid."""
        while self.form.rowCount():
            self.form.removeRow(0)  # deletes the row's widgets
        self.field_labels = {}
        for key, vi, en, value in rows:
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.field_labels[key] = label
            self.form.addRow(f"{tr(vi, en)}:", label)
        self.issuer_label = QLabel()
        self.period_label = QLabel()
        self.form.addRow(str(tr("Nơi cấp:", "Issued by:")), self.issuer_label)
        self.form.addRow(str(tr("Hiệu lực mã QR:", "QR code valid:")), self.period_label)
        for label in (self.issuer_label, self.period_label):  # shown with a checked code only
            self.form.setRowVisible(label, False)

    def _trust(self) -> TrustSource:
        return load_trust(self.workspace, self.trust_file)

    def _show_trust(self, source: TrustSource) -> None:
        imported = (str(tr(" Trong đó {k} chứng thư ký nhập từ nước khác.", " {k} of them imported from other countries.",
                           k=source.imported)) if source.imported else "")
        if source.trust_list is None:
            self.trust_label.setText(str(tr(
                "Chưa có danh sách tin cậy: hãy đồng bộ một lần khi có mạng. Chỉ giải mã được, không kiểm tra chữ ký.",
                "No trust list yet: sync once while online. Certificates can be decoded but not checked.")))
        else:
            self.trust_label.setText(str(tr(
                "Danh sách tin cậy: {n} chứng thư ký, {r} chứng nhận bị thu hồi ({path}).",
                "Trust list: {n} signing certificates, {r} revoked certificates ({path}).",
                n=source.certificates, r=source.revocations, path=source.path)) + imported)

    def verify_pasted(self) -> None:
        text = self.text_edit.toPlainText()
        (NetOp(self, lambda _p, _db: verify_text(text, self._trust()))
         .success(self.show_verdict)
         .run_in_background())

    def verify_picture(self) -> None:
        path = ask_image(self)
        if not path:
            return
        (NetOp(self, lambda _p, _db: verify_image(path, self._trust()))
         .success(self.show_verdict)
         .with_progress(str(tr("Đang đọc mã QR…", "Reading the QR code…")))
         .run_in_background())

    def choose_trust_list(self) -> None:
        path = ask_trust_list(self)
        if path:
            self.trust_file = path
            NetOp(self, lambda _p, _db: self._trust()).success(self._show_trust).run_in_background()

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self._show_trust(verdict.source)
        if self.text_edit.toPlainText().strip() != verdict.text:
            self.text_edit.setPlainText(verdict.text)
        result = verdict.result
        if result.valid:
            self.verdict_label.setText(f'<h3 style="color:#1b5e20">✔ {tr("HỢP LỆ", "VALID")}</h3>')
        else:
            self.verdict_label.setText(f'<h3 style="color:#b71c1c">✘ {tr("KHÔNG HỢP LỆ", "NOT VALID")}</h3>'
                                       f"<p>{html.escape(str(verdict.summary))}</p>")
        self.problem_list.clear()
        for problem in result.problems:
            mark = "⚠" if problem.severity == "warning" else "✘"
            self.problem_list.addItem(f"{mark} [{problem.code}] {problem.message}")
        self.technical_label.setText(self._technical(verdict))
        self.details_button.setVisible(bool(result.problems) or result.kid is not None)
        title = KIND_TITLES.get(verdict.kind or "")
        self.kind_label.setText(f"<h3>{tr(*title)}</h3>" if title else "")
        self._build_rows(verdict.rows)
        self.issuer_label.setText(str(result.issuer or ""))
        if result.issued_at and result.expires_at:
            self.period_label.setText(f"{format_date(result.issued_at.date().isoformat())} – "
                                      f"{format_date(result.expires_at.date().isoformat())}")
        else:
            self.period_label.clear()
        self.form.setRowVisible(self.issuer_label, bool(self.issuer_label.text()))
        self.form.setRowVisible(self.period_label, bool(self.period_label.text()))


    @staticmethod
    def _technical(verdict: Verdict) -> str:
        result = verdict.result
        parts = [f"kid: {result.kid.hex() if isinstance(result.kid, bytes) else '-'}",
                 f"alg: {result.as_dict()['alg'] or '-'}", f"{tr('Danh sách tin cậy', 'Trust list')}: "
                 f"{verdict.source.path or '-'}"]
        return " · ".join(parts)


def create_page(ctx: AppContext) -> QWidget:
    return VerifyPage(ctx)
