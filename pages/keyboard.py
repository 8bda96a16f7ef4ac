"""A keyboard-only user: moves focus with Tab (Shift+Tab never needed), activates with Enter,
types into the focused field. Radio groups use the arrow keys, as browsers define them. On a fresh page
whose target is in the main content, the user first takes the "跳到主要内容" skip link, as keyboard users
do, instead of tabbing through the whole header (it also proves the skip link works)."""

from playwright.sync_api import Locator, Page

MAX_TABS = 60


class KeyboardUnreachable(AssertionError):
    """The element cannot be reached with Tab: a keyboard user cannot use it (a product defect)."""


class KeyboardUser:
    def __init__(self, page: Page) -> None:
        self.page = page

    def _focused(self, target: Locator) -> bool:
        return target.evaluate("el => el === document.activeElement")

    def _skip_to_main(self, target: Locator) -> None:
        in_main = self.page.get_by_role("main").filter(has=target).count() > 0
        fresh_page = self.page.evaluate("() => !document.activeElement || document.activeElement === document.body")
        if not (in_main and fresh_page):
            return
        self.page.keyboard.press("Tab")
        skip = self.page.get_by_role("link", name="跳到主要内容")
        if self._focused(skip):
            self.press_enter()

    def tab_to(self, target: Locator, what: str = "") -> None:
        target.wait_for()
        self._skip_to_main(target)
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            if self._focused(target):
                return
        raise KeyboardUnreachable(f"按 Tab 键 {MAX_TABS} 次仍无法到达“{what or target}”，键盘用户无法使用它")

    def press_enter(self) -> None:
        self.page.keyboard.press("Enter")

    def activate(self, target: Locator, what: str = "") -> None:
        """Tab to a link or button, then Enter."""
        self.tab_to(target, what)
        self.press_enter()

    def type_into(self, target: Locator, text: str, what: str = "") -> None:
        self.tab_to(target, what)
        self.page.keyboard.type(text)

    def choose_radio(self, group_member: Locator, choice: Locator, what: str = "") -> None:
        """Tab into the radio group (focus lands on the checked one), then arrow to the choice."""
        self.tab_to(group_member, what)
        for _ in range(5):
            if choice.is_checked():
                return
            self.page.keyboard.press("ArrowDown")
        raise KeyboardUnreachable(f"无法用方向键选中“{what}”")
