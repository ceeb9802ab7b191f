#!/usr/bin/env python3
"""Writes golden-v1.lwmodel: a lanewise model file, format version 1, built from the format description in
dev/lanewise/model/io/package-info.java with Python's struct and zlib only (no lanewise code), so that the Java
reader and writer are checked against an independent implementation of the spec.

Run from this directory: python3 make_golden_v1.py   (written with Python 3.11.7; struct and zlib only)
ModelFileFormatGoldenTest builds the same archive in Java and expects exactly these bytes.
"""
import struct
import zlib

out = bytearray()


def i32(v):
    out.extend(struct.pack(">i", v))


def u8(v):
    out.extend(struct.pack(">B", v))


def string(s):
    b = s.encode("utf-8")
    i32(len(b))
    out.extend(b)


def tensor(name, dtype, shape, raw_bits):
    """raw_bits: the IEEE 754 bit patterns, as unsigned ints, so every value is exact."""
    string(name)
    u8(dtype)
    i32(len(shape))
    for d in shape:
        i32(d)
    fmt = ">I" if dtype == 1 else ">Q"
    for bits in raw_bits:
        out.extend(struct.pack(fmt, bits))


out.extend(b"LANEWISEMODEL\r\n\x1a")
i32(1)                                      # format version
string("golden-check")                      # kind
metadata = [
    ("labels", "cat\nchien\n\u732b\n\U0001F600"),   # newline, CJK, an astral emoji
    ("empty", ""),
    ("config", "lr=0.1; epochs=3"),
]
i32(len(metadata))
for k, v in metadata:
    string(k)
    string(v)
tensors = [
    # 1.0, -0.0, smallest subnormal, +inf, canonical NaN, -3.5
    ("w", 1, [2, 3], [0x3F800000, 0x80000000, 0x00000001, 0x7F800000, 0x7FC00000, 0xC0600000]),
    ("b", 1, [0], []),
    ("scale", 1, [], [0x3E800000]),         # rank 0: 0.25
    # 0.1, -0.0, smallest subnormal
    ("mean", 2, [3], [0x3FB999999999999A, 0x8000000000000000, 0x0000000000000001]),
    ("empty2d", 2, [2, 0], []),
]
i32(len(tensors))
for t in tensors:
    tensor(*t)
out.extend(struct.pack(">I", zlib.crc32(bytes(out))))  # CRC-32 of every byte before it

with open("golden-v1.lwmodel", "wb") as f:
    f.write(out)
print(len(out), "bytes, crc32 0x%08x" % zlib.crc32(bytes(out[:-4])))
