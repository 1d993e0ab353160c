"""Checks shared by browser tests: axe-core (WCAG 2.2 AA as far as it can tell), and
no sideways scrolling on narrow phones."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

axe = Axe()


def assert_no_violations(page: Page, screen: str) -> None:
    results = axe.run(page)
    if results.violations_count:
        print(f"\naxe violations on {screen}:\n{results.generate_report()}")
    assert results.violations_count == 0, f"{screen}: {results.generate_report()}"


def assert_no_horizontal_scroll(page: Page, screen: str) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{screen} scrolls sideways: {scroll_width}px in {width}px"


def assert_accessible_at_320(page: Page, screen: str) -> None:
    """axe at the current size, then again on a 320px-wide phone, with no sideways scroll."""
    assert_no_violations(page, screen)
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        assert_no_horizontal_scroll(page, f"{screen}, 320px")
        assert_no_violations(page, f"{screen}, 320px")
    finally:
        page.set_viewport_size(size)
