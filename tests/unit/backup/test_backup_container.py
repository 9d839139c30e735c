"""The encrypted file format: round trips of any size, and every kind of damage refused."""

from __future__ import annotations

import io
import os

import pytest

from desktop.backup import container
from desktop.errors import UserError

FIELDS = {"facility_code": "01001", "created_at": "2026-12-03T09:00:00+00:00", "database": "sqlite"}


def seal(data: bytes, passphrase: str = "correct horse battery") -> bytes:
    out = io.BytesIO()
    container.write(out, io.BytesIO(data), passphrase, FIELDS)
    return out.getvalue()


def unseal(tmp_path, sealed: bytes, passphrase: str = "correct horse battery") -> bytes:
    path = tmp_path / "b.vxbak"
    path.write_bytes(sealed)
    return b"".join(container.decrypt(path, passphrase))


@pytest.mark.parametrize("size", [0, 1, container.CHUNK, container.CHUNK * 2 + 7])
def test_round_trip_of_any_size(tmp_path, size):
    data = os.urandom(size)
    sealed = seal(data)
    assert size < 64 or data[:64] not in sealed
    assert unseal(tmp_path, sealed) == data


def test_header_is_readable_without_the_passphrase(tmp_path):
    path = tmp_path / "b.vxbak"
    path.write_bytes(seal(b"x"))
    header = container.open_header(path)
    assert header.facility_code == "01001"
    assert header.fields["version"] == 1 and header.fields["cipher"] == "AES-256-GCM"
    assert header.fields["kdf"]["name"] == "scrypt"
    assert "kdf" not in header.public() and "key_check" not in header.public()


def test_wrong_passphrase(tmp_path):
    with pytest.raises(UserError) as err:
        unseal(tmp_path, seal(b"secret data"), "wrong passphrase!")
    assert err.value.code == "backup_wrong_passphrase"
    assert "Sai mật khẩu" in err.value.message.render("vi") and "Wrong" in err.value.message.render("en")


def test_flipped_byte_in_the_payload(tmp_path):
    sealed = bytearray(seal(os.urandom(5000)))
    sealed[-100] ^= 0x01
    with pytest.raises(UserError) as err:
        unseal(tmp_path, bytes(sealed))
    assert err.value.code == "backup_corrupted"


def test_header_changed_to_another_facility(tmp_path):
    sealed = seal(b"payload").replace(b'"01001"', b'"01002"', 1)
    with pytest.raises(UserError) as err:
        unseal(tmp_path, sealed)
    assert err.value.code == "backup_corrupted"


def test_cut_off_file(tmp_path):
    data = os.urandom(container.CHUNK + 10)
    sealed = seal(data)
    last_frame = 5 + 10 + 16
    with pytest.raises(UserError) as err:
        unseal(tmp_path, sealed[:-last_frame])
    assert err.value.code == "backup_corrupted"


def test_extra_bytes_after_the_last_frame(tmp_path):
    with pytest.raises(UserError) as err:
        unseal(tmp_path, seal(b"abc") + b"\x00")
    assert err.value.code == "backup_corrupted"


def test_not_a_backup(tmp_path):
    with pytest.raises(UserError) as err:
        unseal(tmp_path, b"PK\x03\x04 a zip file")
    assert err.value.code == "backup_corrupted"
