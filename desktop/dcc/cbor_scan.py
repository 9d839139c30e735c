"""A bounded well-formedness check of CBOR (RFC 8949) before any object is built from it.

A QR code is attacker-chosen input. ``cbor2`` builds whatever the bytes describe: shared
references (tags 28/29) make self-referencing lists that send every later walk into endless
recursion, bignums (tags 2/3) make integers with millions of digits, tag 35 compiles a regular
expression, and a header may announce four billion array items. This scan walks the item headers
once, without recursion and without building anything, and refuses:

- more than ``max_items`` data items or nesting deeper than ``max_depth``;
- any tag outside the few a DCC uses (dates 0/1/100/1004, bignums 2/3 of at most 8 bytes, COSE 16-18 and
  96-98, CWT 61, self-described CBOR 55799);
- reserved additional information, a "break" outside an indefinite item, nested indefinite
  string chunks of another major type, a length running past the end of the data.

Its cost is one loop step per data item (a string's content is skipped, not read), so it is
bounded by ``max_items`` whatever the input size. Only bytes that pass reach ``cbor2``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Tags a DCC may carry, plus the other COSE message tags (16, 17, 96, 97, 98: read as plain tags,
# so the COSE check can say "not a COSE_Sign1"). Everything else is refused before decoding.
ALLOWED_TAGS = frozenset({0, 1, 2, 3, 16, 17, 18, 61, 96, 97, 98, 100, 1004, 55799})
MAX_BIGNUM_BYTES = 8

_BREAK = 0xFF


class CborShapeError(ValueError):
    """The bytes are not a single well-formed CBOR item within the limits."""


@dataclass(frozen=True)
class CborLimits:
    max_items: int = 1024
    max_depth: int = 16


# A DCC holds about fifty items, four levels deep; a COSE header a handful. 1,024 items and 16
# levels leave twenty times that room and bound the scan to about a millisecond.
DCC_LIMITS = CborLimits()


def check_cbor(data: bytes, limits: CborLimits = DCC_LIMITS) -> int:
    """Check that ``data`` starts with one well-formed CBOR item within ``limits``; return the
    offset just after it. Raises ``CborShapeError`` naming the first fault."""
    size = len(data)
    pos = 0
    items = 0
    # Open containers, innermost last: [remaining items or -1 for indefinite, kind]
    # kind: "a" array/map (counts items), "s" indefinite string of major type (2 or 3),
    # "t" tag content (exactly one item), "b" bignum tag content (one byte string).
    stack: list[list[int]] = []
    max_items, max_depth = limits.max_items, limits.max_depth
    while True:
        if pos >= size:
            raise CborShapeError("the data ends inside a CBOR item")
        initial = data[pos]
        pos += 1
        major, info = initial >> 5, initial & 0x1F
        if initial == _BREAK:
            if not stack or stack[-1][0] != -1:
                raise CborShapeError("a CBOR break code outside an indefinite-length item")
            stack.pop()
            pos = _close(stack, pos)
            if pos < 0:
                return -pos
            continue
        items += 1
        if items > max_items:
            raise CborShapeError(f"more than {max_items} CBOR data items")
        # The innermost container's kind, -1 at the top level.
        kind = stack[-1][1] if stack else -1
        if kind >= 2 and stack[-1][0] == -1 and major != kind:
            raise CborShapeError("a chunk of an indefinite-length string has the wrong type")
        if kind == 4 and major != 2:
            raise CborShapeError("a bignum tag must hold a byte string")
        if info >= 28 and not (info == 31 and major in (2, 3, 4, 5)) and not (major == 7 and info == 31):
            raise CborShapeError(f"reserved CBOR additional information {info}")
        if info == 31:
            if major == 7:
                raise CborShapeError("a CBOR break code outside an indefinite-length item")
            if kind >= 2:
                raise CborShapeError("an indefinite-length item inside a string or a bignum")
            if len(stack) >= max_depth:
                raise CborShapeError(f"CBOR nested deeper than {max_depth} levels")
            stack.append([-1, major if major in (2, 3) else 0])
            continue
        if info < 24:
            argument = info
        else:
            argument, pos = _argument(data, pos, info, size)
        if major == 2 or major == 3:
            if argument > size - pos:
                raise CborShapeError("a CBOR string runs past the end of the data")
            if kind == 4 and argument > MAX_BIGNUM_BYTES:
                raise CborShapeError(f"a bignum longer than {MAX_BIGNUM_BYTES} bytes")
            pos += argument
        elif major == 4 or major == 5:
            count = argument * 2 if major == 5 else argument
            if count:
                if count > max_items:
                    raise CborShapeError(f"more than {max_items} CBOR data items")
                if len(stack) >= max_depth:
                    raise CborShapeError(f"CBOR nested deeper than {max_depth} levels")
                stack.append([count, 0])
                continue
        elif major == 6:
            if argument not in ALLOWED_TAGS:
                raise CborShapeError(f"CBOR tag {argument} is not used in a DCC")
            if len(stack) >= max_depth:
                raise CborShapeError(f"CBOR nested deeper than {max_depth} levels")
            stack.append([1, 4 if argument in (2, 3) else 1])
            continue
        # One item finished (``_close`` inlined: this is the loop's hot path).
        while stack:
            top = stack[-1]
            if top[0] == -1:
                break
            top[0] -= 1
            if top[0]:
                break
            stack.pop()
        else:
            return pos


def _close(stack: list[list[int]], pos: int) -> int:
    """One item finished: count it against its containers. Returns ``-pos`` when the top-level
    item is complete (positions are ≥ 1 here, so the sign is unambiguous)."""
    while stack:
        top = stack[-1]
        if top[0] == -1:
            return pos
        top[0] -= 1
        if top[0]:
            return pos
        stack.pop()
    return -pos


def _argument(data: bytes, pos: int, info: int, size: int) -> tuple[int, int]:
    if info < 24:
        return info, pos
    width = 1 << (info - 24)  # 24 → 1, 25 → 2, 26 → 4, 27 → 8
    if pos + width > size:
        raise CborShapeError("the data ends inside a CBOR item header")
    return int.from_bytes(data[pos:pos + width], "big"), pos + width
