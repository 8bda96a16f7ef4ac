"""Portal forms read the way a user reads them: a form is found by its submit button's text, its fields by
their labels (a label's `for`, or a label wrapping its input), so the HTTP checks need no field names and
run on any portal whose screens say the same things (tests/http)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser


@dataclass
class Control:
    tag: str
    name: str
    type: str
    value: str
    id: str
    checked: bool = False
    label: str = ""


@dataclass
class Form:
    action: str
    method: str
    controls: list[Control] = field(default_factory=list)
    buttons: list[tuple[str, Control]] = field(default_factory=list)  # (visible text, the button)

    def data(self, fields: dict[str, str], button: str | None = None, choose: str | None = None) -> dict[str, str]:
        """The form's data as a browser sends it: hidden and checked values, `fields` typed into the inputs
        labelled so, the radio labelled `choose` checked, and the pressed button's name=value if it has one."""
        sent: dict[str, str] = {}
        for c in self.controls:
            if c.type in ("radio", "checkbox"):
                if (choose and c.label == choose) or (c.checked and not self._chosen_in_group(c, choose)):
                    sent[c.name] = c.value
            elif c.type not in ("submit", "button") and c.name:
                sent[c.name] = c.value
        for label, value in fields.items():
            matches = [c for c in self.controls if c.label == label]
            if not matches:
                raise AssertionError(f"表单中没有标注为“{label}”的输入框（有：{[c.label for c in self.controls]}）")
            sent[matches[0].name] = value
        if button:
            pressed = [b for text, b in self.buttons if text == button]
            if not pressed:
                raise AssertionError(f"表单中没有“{button}”按钮")
            if pressed[0].name:
                sent[pressed[0].name] = pressed[0].value
        return sent

    def _chosen_in_group(self, c: Control, choose: str | None) -> bool:
        return bool(choose) and any(o.name == c.name and o.label == choose for o in self.controls)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.labels: dict[str, str] = {}  # for= id → text
        self._form: Form | None = None
        self._label: list | None = None  # [for, text parts, wrapped controls]
        self._button: list | None = None  # [control, text parts]

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
        elif tag == "label":
            self._label = [a.get("for", ""), [], []]
        elif tag in ("input", "select", "textarea") and self._form is not None:
            c = Control(tag, a.get("name", ""), a.get("type", "text").lower(), a.get("value", ""), a.get("id", ""))
            c.checked = "checked" in a
            if c.type in ("submit", "button"):
                self._form.buttons.append((c.value, c))
            else:
                self._form.controls.append(c)
                if self._label is not None:
                    self._label[2].append(c)
        elif tag == "button" and self._form is not None:
            c = Control(tag, a.get("name", ""), a.get("type", "submit").lower(), a.get("value", ""), a.get("id", ""))
            self._button = [c, []]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "label" and self._label is not None:
            target, parts, wrapped = self._label
            text = " ".join("".join(parts).split())
            if target:
                self.labels[target] = text
            for c in wrapped:
                c.label = text
            self._label = None
        elif tag == "button" and self._button is not None:
            c, parts = self._button
            if c.type == "submit" and self._form is not None:
                self._form.buttons.append((" ".join("".join(parts).split()), c))
            self._button = None

    def handle_data(self, data):
        if self._label is not None:
            self._label[1].append(data)
        if self._button is not None:
            self._button[1].append(data)


def forms(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    for form in parser.forms:
        for c in form.controls:
            if not c.label and c.id in parser.labels:
                c.label = parser.labels[c.id]
    return parser.forms


def form_with_button(html: str, button: str) -> Form:
    """The form a user submits with the button of that text."""
    for form in forms(html):
        if any(text == button for text, _ in form.buttons):
            return form
    raise AssertionError(f"页面上没有带“{button}”按钮的表单")


def visible_text(html: str) -> str:
    """The page's text without tags, scripts or styles (what a user could read)."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
