"""The application icon (``.ico`` with 16–256 px images), drawn from the bundled 黑体 font.

A red seal-like square with a white 民: recognisable in the taskbar at 16 px, and made from
files already in the repository, so the build needs no binary image checked in. Usage:

    uv run python -m installer.make_icon OUT.ico
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from desktop.fonts import FontRole, font_path

SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = (196, 30, 36, 255)  # 中国红, the colour of official seals
WHITE = (255, 255, 255, 255)


def draw_icon(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = max(1, size // 32)
    draw.rounded_rectangle((margin, margin, size - margin - 1, size - margin - 1),
                           radius=size // 6, fill=RED)
    font = ImageFont.truetype(str(font_path(FontRole.HEI)), int(size * 0.7))
    draw.text((size / 2, size / 2), "民", font=font, fill=WHITE, anchor="mm")
    return image


def write_icon(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    draw_icon(256).save(out, format="ICO", sizes=[(s, s) for s in SIZES])
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m installer.make_icon OUT.ico", file=sys.stderr)
        sys.exit(2)
    print(write_icon(Path(sys.argv[1])))
