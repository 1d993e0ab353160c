"""Draw Homeward's app icons (a house with a heart in it) as PNG files.

Standard library only, so the icons can be rebuilt anywhere without Pillow:
    python scripts/make_icons.py
writes pwa/icons/icon-192.png, icon-512.png, maskable-192.png and maskable-512.png.
The SVG icon (pwa/icons/icon.svg) is hand-written to match the same geometry.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "pwa" / "icons"

TEAL = (15, 82, 87)  # theme colour, also in the manifest and index.html
CREAM = (255, 250, 240)
CORAL = (214, 69, 52)

# Supersampling per axis: smooth edges without an anti-aliasing library.
SAMPLES = 3


def png_bytes(width: int, height: int, rows: list[bytes]) -> bytes:
    """Encode RGBA rows (each width*4 bytes) as a PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def in_house(x: float, y: float) -> bool:
    """House in unit coordinates centred on (0.5, 0.5); fits inside a 0.36 radius."""
    if 0.28 <= x <= 0.72 and 0.48 <= y <= 0.78:  # walls
        return True
    # roof: triangle from (0.2, 0.5) to (0.8, 0.5) with its peak at (0.5, 0.22)
    if 0.22 <= y <= 0.5:
        half_width = (y - 0.22) / 0.28 * 0.3
        return abs(x - 0.5) <= half_width
    return False


def in_heart(x: float, y: float) -> bool:
    """Heart centred in the walls of the house, from the classic implicit curve."""
    u = (x - 0.5) / 0.13
    v = (0.6 - y) / 0.13
    return (u * u + v * v - 1) ** 3 - u * u * v**3 <= 0


def in_rounded_square(x: float, y: float, radius: float = 0.18) -> bool:
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def colour_at(x: float, y: float, maskable: bool) -> tuple[int, int, int, int]:
    if not maskable and not in_rounded_square(x, y):
        return (0, 0, 0, 0)
    if in_house(x, y):
        return (*CORAL, 255) if in_heart(x, y) else (*CREAM, 255)
    return (*TEAL, 255)


def draw(size: int, maskable: bool) -> bytes:
    rows = []
    step = 1 / (size * SAMPLES)
    for py in range(size):
        row = bytearray()
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px * SAMPLES + sx + 0.5) * step
                    y = (py * SAMPLES + sy + 0.5) * step
                    r, g, b, a = colour_at(x, y, maskable)
                    # premultiply so transparent samples do not darken edges
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3]
            if alpha:
                row += bytes(round(total[i] / alpha) for i in range(3))
            else:
                row += b"\x00\x00\x00"
            row.append(round(alpha / (SAMPLES * SAMPLES)))
        rows.append(bytes(row))
    return png_bytes(size, size, rows)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        for maskable, name in ((False, "icon"), (True, "maskable")):
            path = ICONS / f"{name}-{size}.png"
            path.write_bytes(draw(size, maskable))
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
