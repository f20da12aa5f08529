"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8, then cp1252/latin-1; binary refused."""
from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode_bytes"]

_MAGIC = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
          b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable"}


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an article file.

    >>> decode_bytes("Iraqi caf\\u00e9".encode("utf-16"), source="x") == "Iraqi caf\\u00e9"
    True
    >>> decode_bytes("caf\\u00e9".encode("latin-1"), source="x") == "caf\\u00e9"
    True
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{source}: not a text file (looks like {what})")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if len(data) >= 4 and b"\x00" in data[:4096]:
        sample = data[:4096]
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
            return data.decode("utf-16-le", errors="replace")
        if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
            return data.decode("utf-16-be", errors="replace")
        raise InputError(f"{source}: not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > 0.05 * max(1, min(len(text), 4096)):
        raise InputError(f"{source}: not a text file (binary data)")
    return text
