"""TEST SCAFFOLDING FOR WINE ONLY — never shipped in the installer.

numpy >= 2.1 calls ``crealf`` from the Universal CRT while it imports; Wine 8's ucrtbase.dll
exports it (and ``creall``, ``cimagf``) only as a stub that aborts the process. This writes a
copy of Wine's own ucrtbase.dll with those three stubs replaced by their few instructions (the
x64 calling convention: an 8-byte ``_Fcomplex`` arrives in RCX, a 16-byte ``_Lcomplex`` by
pointer; the result goes back in XMM0), and with Wine's "builtin" mark cleared so that Wine
loads the copy from system32 (DllOverrides ucrtbase=native,builtin) instead of its own.

    python3 patch_ucrtbase.py WINE_UCRTBASE.dll OUT.dll
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

PATCHES = {
    b"crealf": bytes.fromhex("660f6ec1c3"),  # movd xmm0, ecx ; ret
    b"cimagf": bytes.fromhex("48c1e920660f6ec1c3"),  # shr rcx, 32 ; movd xmm0, ecx ; ret
    b"creall": bytes.fromhex("f20f1001c3"),  # movsd xmm0, [rcx] ; ret (long double = double)
}
STUB_SIZE = 24  # winebuild's unimplemented-function thunks are 24 bytes apart
BUILTIN_MARK = b"Wine builtin DLL"


def _sections(data: bytes, pe: int) -> list[tuple[int, int, int]]:
    count, opt_size = struct.unpack_from("<H12xH", data, pe + 6)
    first = pe + 24 + opt_size
    result = []
    for i in range(count):
        vsize, vaddr, _rsize, raw = struct.unpack_from("<4I", data, first + 40 * i + 8)
        result.append((vaddr, max(vsize, _rsize), raw))
    return result


def _offset(sections: list[tuple[int, int, int]], rva: int) -> int:
    for vaddr, size, raw in sections:
        if vaddr <= rva < vaddr + size:
            return rva - vaddr + raw
    raise ValueError(f"RVA {rva:#x} is in no section")


def patch(data: bytearray) -> list[str]:
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0" or struct.unpack_from("<H", data, pe + 24)[0] != 0x20B:
        raise ValueError("not a 64-bit PE file")
    sections = _sections(bytes(data), pe)
    export_rva = struct.unpack_from("<I", data, pe + 24 + 112)[0]
    exp = _offset(sections, export_rva)
    _n_funcs, n_names, funcs, names, ordinals = struct.unpack_from("<5I", data, exp + 20)
    patched = []
    for i in range(n_names):
        name_rva = struct.unpack_from("<I", data, _offset(sections, names) + 4 * i)[0]
        start = _offset(sections, name_rva)
        name = bytes(data[start:data.index(b"\0", start)])
        if name not in PATCHES:
            continue
        ordinal = struct.unpack_from("<H", data, _offset(sections, ordinals) + 2 * i)[0]
        func_rva = struct.unpack_from("<I", data, _offset(sections, funcs) + 4 * ordinal)[0]
        code = PATCHES[name]
        assert len(code) <= STUB_SIZE
        at = _offset(sections, func_rva)
        data[at:at + len(code)] = code
        patched.append(name.decode())
    mark = data.find(BUILTIN_MARK, 0, 0x100)
    if mark >= 0:
        data[mark:mark + len(BUILTIN_MARK)] = b"\0" * len(BUILTIN_MARK)
    return patched


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = bytearray(Path(argv[0]).read_bytes())
    done = patch(data)
    if sorted(done) != sorted(n.decode() for n in PATCHES):
        print(f"ucrtbase: patched only {done}", file=sys.stderr)
        return 1
    Path(argv[1]).write_bytes(bytes(data))
    print(f"ucrtbase: patched {', '.join(done)} -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
