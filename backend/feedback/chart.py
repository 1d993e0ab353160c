"""A server-made SVG chart of answers per month (no script, so the CSP allows it).
Bars are drawn only from suppressed figures: a month with fewer than 10 answers is a
marked gap, never a short bar."""

from __future__ import annotations

import base64
from xml.sax.saxutils import escape

WIDTH, HEIGHT, TOP, BOTTOM = 360, 160, 20, 30


def bars(title: str, labelled: list[tuple[str, int | None]], hidden_label: str) -> str:
    """`labelled`: (month label, shown value or None when suppressed) per month."""
    biggest = max([value or 0 for _, value in labelled] + [10])
    step = WIDTH / max(1, len(labelled))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(labelled):
        x = i * step + 2
        if value is None:
            parts.append(
                f'<text x="{x + step / 2 - 2:.1f}" y="{HEIGHT - BOTTOM - 4}" font-size="9" '
                f'text-anchor="middle" fill="#444">&lt;10</text>'
            )
            parts.append(f"<desc>{escape(label)}: {escape(hidden_label)}</desc>")
        else:
            high = (HEIGHT - TOP - BOTTOM) * value / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{HEIGHT - BOTTOM - high:.1f}" width="{step - 4:.1f}" '
                f'height="{high:.1f}" fill="#1d4f91"><title>{escape(label)}: {value}</title></rect>'
            )
        parts.append(
            f'<text x="{x + step / 2 - 2:.1f}" y="{HEIGHT - 10}" font-size="9" text-anchor="middle">'
            f"{escape(label[-2:])}</text>"
        )
    parts.append("</svg>")
    return "data:image/svg+xml;base64," + base64.b64encode("".join(parts).encode()).decode()
