"""Applying verified update bundles to a workspace, and knowing which versions are in use.

    <workspace>/pki/update-signer.pem       the public key update bundles must be signed with
    <workspace>/updates/versions.json       the version of each kind applied, when and by which key
    <workspace>/updates/valuesets/*.json    value set files, read before the bundled ones
    <workspace>/updates/vaccines.json       the vaccine table, read before the bundled one
    <workspace>/pki/trustlist.json          the trust list (where sync keeps it too)

An applied file is used only while its version is newer than the bundled one, so installing a
newer VaxDesk never leaves a workspace on older data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from desktop.audit import record_event
from desktop.dcc import _resources
from desktop.dcc.trustlist import TrustList, workspace_trust_list_path
from desktop.dcc.vaccines import normalise_vaccine_name
from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.updates.bundle import (
    KINDS,
    Bundle,
    PublicKey,
    key_id,
    kind_label,
    load_public_key,
    read_bundle,
    version_key,
)
from desktop.workspace import Workspace

TRUSTED_KEY_FILE = "update-signer.pem"
UPDATES_FOLDER = "updates"
VERSIONS_FILE = "versions.json"
BUNDLED_VALUESETS = "2.12.0"  # resources/valuesets/SOURCES.md

_VALUE_SET_NAME = re.compile(r"^[a-z0-9-]{1,80}\.json$")


@cache
def bundled_versions() -> dict[str, str]:
    vaccines = json.loads((_resources.resources_dir() / "vaccines.json").read_text(encoding="utf-8"))
    return {"valuesets": BUNDLED_VALUESETS, "vaccines": str(vaccines.get("version", 1)), "trustlist": "0"}


def _updates_dir(folder: Path) -> Path:
    return Path(folder) / UPDATES_FOLDER


def _key_path(folder: Path) -> Path:
    return Path(folder) / "pki" / TRUSTED_KEY_FILE


def applied_versions(folder: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((_updates_dir(folder) / VERSIONS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if k in KINDS and isinstance(v, dict)} if isinstance(data, dict) else {}


def _newer(version: str, than: str) -> bool:
    return version_key(version) > version_key(than)


def versions_in_use(folder: Path) -> dict[str, dict[str, Any]]:
    """Per kind: the version in use and where it comes from (``bundled`` or ``update``)."""
    applied = applied_versions(folder)
    out = {}
    for kind in KINDS:
        bundled = bundled_versions()[kind]
        entry = applied.get(kind)
        if entry and _newer(str(entry.get("version", "0")), bundled):
            out[kind] = {**entry, "source": "update"}
        elif kind == "trustlist":  # none is bundled; sync may have fetched one without a version
            out[kind] = {"version": bundled,
                         "source": "sync" if workspace_trust_list_path(folder).is_file() else "none"}
        else:
            out[kind] = {"version": bundled, "source": "bundled"}
    return out


def trusted_key(folder: Path) -> PublicKey | None:
    try:
        return load_public_key(_key_path(folder).read_bytes())
    except OSError:
        return None


@dataclass(frozen=True)
class KindInUse:
    """One kind of update (value sets, vaccine table, trust list): the version in use and its source."""

    kind: str
    label: Message
    entry: dict[str, Any]  # version, source (bundled, update, sync, none) and, for an update, its details

    @property
    def version(self) -> str:
        return str(self.entry.get("version", ""))

    @property
    def source(self) -> str:
        return str(self.entry.get("source", ""))

    @property
    def applied_at(self) -> str:
        return str(self.entry.get("applied_at", ""))

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label.as_dict(), **self.entry}


@dataclass(frozen=True)
class UpdateStatus:
    trusted_key: str | None  # the id of the trusted update signing key
    kinds: tuple[KindInUse, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"trusted_key": self.trusted_key, "kinds": [k.as_dict() for k in self.kinds]}


@dataclass(frozen=True)
class UpdateOutcome:
    """What became of one bundle: ``applied``, ``current`` (not newer) or ``none_published``."""

    kind: str
    result: str
    version: str | None = None
    previous: str | None = None
    created: str | None = None
    key_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.result == "applied":
            return {"kind": self.kind, "version": self.version, "previous": self.previous, "created": self.created,
                    "key_id": self.key_id, "result": self.result}
        if self.result == "current":
            return {"kind": self.kind, "result": self.result, "version": self.version}
        return {"kind": self.kind, "result": self.result}


def update_status(workspace: Workspace) -> UpdateStatus:
    key = trusted_key(workspace.path)
    in_use = versions_in_use(workspace.path)
    return UpdateStatus(trusted_key=key_id(key) if key is not None else None,
                        kinds=tuple(KindInUse(kind, kind_label(kind), in_use[kind]) for kind in KINDS))


# -- the hook the certificate library reads through ---------------------------------------------

_active: tuple[Path, tuple[str, ...]] | None = None


def activate(folder: Path | str) -> bool:
    """Make the certificate library read this workspace's applied value sets and vaccine table;
    return whether any applied file is read now."""
    global _active
    folder = Path(folder)
    in_use = versions_in_use(folder)
    kinds = tuple(k for k in ("valuesets", "vaccines") if in_use[k]["source"] == "update")
    state = (folder, kinds)
    if state == _active:
        return bool(kinds)
    nothing_changes = not kinds and (_active is None or not _active[1])
    _active = state
    if nothing_changes:  # bundled data before and after: what is loaded stays right
        return False
    updates = _updates_dir(folder)

    def resolve(parts: tuple[str, ...]) -> Path | None:
        if "valuesets" in kinds and len(parts) == 2 and parts[0] == "valuesets":
            candidate = updates / "valuesets" / parts[1]
        elif "vaccines" in kinds and parts == ("vaccines.json",):
            candidate = updates / "vaccines.json"
        else:
            return None
        return candidate if candidate.is_file() else None

    _resources.set_override(resolve if kinds else None)
    _forget_loaded_data()
    return bool(kinds)


def _forget_loaded_data() -> None:
    """Drop what was read from the data files, so the next use reads the files now in force."""
    from desktop.dcc import vaccines, valuesets
    from desktop.importer import values

    for module in (valuesets, vaccines, values):
        for name in dir(module):
            clear = getattr(getattr(module, name), "cache_clear", None)
            if callable(clear) and getattr(getattr(module, name), "__module__", "") == module.__name__:
                clear()


# -- checking a payload before it is written ----------------------------------------------------

def _bad(vi: str, en: str, **params: Any) -> UserError:
    return UserError(tr(vi, en, **params), code="update_invalid")


def _check_valuesets(payload: Any) -> dict[str, Any]:
    files = payload.get("files") if isinstance(payload, dict) else None
    if not isinstance(files, dict) or not files:
        raise _bad("Bản cập nhật bộ mã không có tệp nào.", "The value set update holds no files.")
    for name, document in files.items():
        if not isinstance(name, str) or not _VALUE_SET_NAME.match(name):
            raise _bad("Tên tệp bộ mã \"{name}\" không hợp lệ.", "The value set file name \"{name}\" is not valid.",
                       name=str(name))
        values = document.get("valueSetValues") if isinstance(document, dict) else None
        if not isinstance(values, dict) or not values or not all(isinstance(v, dict) for v in values.values()):
            raise _bad("Tệp bộ mã {name} không có valueSetValues hợp lệ.",
                       "The value set file {name} has no valid valueSetValues.", name=name)
        if name != "vaccine-encoding-instructions.json" and not isinstance(document.get("valueSetId"), str):
            raise _bad("Tệp bộ mã {name} thiếu valueSetId.", "The value set file {name} lacks valueSetId.", name=name)
    return files


def _codes(folder: Path, name: str, files: dict[str, Any] | None = None) -> set[str]:
    """Codes of value set ``name``: from an update being applied, else the files in force."""
    if files and f"{name}.json" in files:
        return set(files[f"{name}.json"]["valueSetValues"])
    from desktop.dcc.valuesets import value_set

    activate(folder)
    vs = value_set(name)
    return set(vs.active | vs.inactive)


def _check_vaccines(payload: Any, folder: Path) -> None:
    rows = payload.get("vaccines") if isinstance(payload, dict) else None
    if not isinstance(rows, list) or not rows:
        raise _bad("Bản cập nhật bảng vắc xin không có vắc xin nào.", "The vaccine table update lists no vaccine.")
    known = {name: _codes(folder, name) for name in
             ("vaccine-medicinal-product", "vaccine-mah-manf", "vaccine-prophylaxis")}
    names: dict[str, str] = {}
    for row in rows:
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) and row.get(k)
                                                for k in ("key", "display", "mp", "ma", "vp")):
            raise _bad("Một dòng của bảng vắc xin thiếu key, display, mp, ma hoặc vp.",
                       "A row of the vaccine table lacks key, display, mp, ma or vp.")
        doses = row.get("primary_series_doses")
        if not isinstance(doses, int) or isinstance(doses, bool) or not 1 <= doses <= 5:
            raise _bad("Vắc xin {key}: primary_series_doses phải từ 1 đến 5.",
                       "Vaccine {key}: primary_series_doses must be 1 to 5.", key=row["key"])
        for field, set_name in (("mp", "vaccine-medicinal-product"), ("ma", "vaccine-mah-manf"),
                                ("vp", "vaccine-prophylaxis")):
            if row[field] not in known[set_name]:
                raise _bad("Vắc xin {key}: mã {code} không có trong bộ mã {set} đang dùng.",
                           "Vaccine {key}: the code {code} is not in the value set {set} in use.",
                           key=row["key"], code=row[field], set=set_name)
        listed = row.get("names")
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise _bad("Vắc xin {key}: names phải là danh sách tên.", "Vaccine {key}: names must be a list of names.",
                       key=row["key"])
        for name in (*listed, row["key"], row["mp"]):
            other = names.setdefault(normalise_vaccine_name(name), row["key"])
            if other != row["key"]:
                raise _bad("Tên \"{name}\" chỉ cả {a} và {b}.", "The name \"{name}\" names both {a} and {b}.",
                           name=name, a=other, b=row["key"])


def _check_trustlist(payload: Any) -> None:
    trust = TrustList.from_json(payload)  # refuses a malformed list with its own message
    if not payload.get("certificates"):
        raise _bad("Danh sách tin cậy không có chứng thư nào; không áp dụng.",
                   "The trust list holds no certificate; not applied.")
    del trust


# -- writing -------------------------------------------------------------------------------------

def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _write_valuesets(folder: Path, files: dict[str, Any]) -> None:
    """Replace the folder as a whole: the applied value sets are always one release."""
    final = _updates_dir(folder) / "valuesets"
    fresh = final.with_name(f"valuesets.{os.getpid()}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    for name, document in files.items():
        (fresh / name).write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    old = final.with_name(f"valuesets.{os.getpid()}.old")
    if final.exists():
        os.replace(final, old)
    os.replace(fresh, final)
    shutil.rmtree(old, ignore_errors=True)


def trust_key(workspace: Workspace, pem: bytes, actor: str = "cli") -> str:
    """Trust ``pem`` (the central service's update key) for this workspace; return its key id."""
    key = load_public_key(pem)
    path = _key_path(workspace.path)
    old = trusted_key(workspace.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(pem)
    os.replace(tmp, path)
    with workspace.db.session() as session:
        record_event(session, actor, "update_key_trusted", "update", "key",
                     before={"key_id": key_id(old)} if old is not None else None, after={"key_id": key_id(key)})
    return key_id(key)


def apply_update(workspace: Workspace, data: bytes, actor: str = "cli", source: str = "file") -> UpdateOutcome:
    """Verify, check and apply one bundle; refuse one not newer than the version in use."""
    bundle: Bundle = read_bundle(data, trusted_key(workspace.path))
    current = versions_in_use(workspace.path)[bundle.kind]
    if not _newer(bundle.version, current["version"]):
        raise UserError(
            tr("Bản cập nhật {what} phiên bản {version} không mới hơn phiên bản đang dùng ({current}); không áp dụng.",
               "The {what} update version {version} is not newer than the version in use ({current}); not applied.",
               what=kind_label(bundle.kind), version=bundle.version, current=current["version"]),
            code="update_not_newer", details={"kind": bundle.kind, "version": bundle.version,
                                              "in_use": current["version"]})
    folder = workspace.path
    if bundle.kind == "valuesets":
        _write_valuesets(folder, _check_valuesets(bundle.payload))
    elif bundle.kind == "vaccines":
        _check_vaccines(bundle.payload, folder)
        _write_json(_updates_dir(folder) / "vaccines.json", bundle.payload)
    else:
        _check_trustlist(bundle.payload)
        _write_json(workspace_trust_list_path(folder), bundle.payload)
    applied = applied_versions(folder)
    entry = {"version": bundle.version, "created": bundle.created, "key_id": bundle.key_id, "sha256": bundle.sha256,
             "source": source, "applied_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    applied[bundle.kind] = entry
    _write_json(_updates_dir(folder) / VERSIONS_FILE, applied)
    with workspace.db.session() as session:
        record_event(session, actor, "update_applied", "update", bundle.kind,
                     before={"version": current["version"]}, after={k: v for k, v in entry.items() if k != "applied_at"})
    from desktop.updates import activation

    activation._engaged = activate(folder)
    return UpdateOutcome(kind=bundle.kind, result="applied", version=bundle.version, previous=str(current["version"]),
                         created=bundle.created, key_id=bundle.key_id)
