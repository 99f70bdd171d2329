"""Small standard-library readers for built HTML: elements with attributes, ids, links."""

import html.parser
from dataclasses import dataclass, field


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""
    classes: list = field(default_factory=list)


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        element = Element(tag, attrs, classes=attrs.get("class", "").split())
        self.elements.append(element)
        if tag not in {
            "br",
            "img",
            "meta",
            "link",
            "input",
            "hr",
            "source",
            "wbr",
            "area",
            "base",
            "col",
            "embed",
            "param",
            "track",
        }:
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data


def parse(html_text: str) -> list[Element]:
    collector = _Collector()
    collector.feed(html_text)
    return collector.elements


def find(elements, tag=None, cls=None, **attrs):
    out = []
    for e in elements:
        if tag and e.tag != tag:
            continue
        if cls and cls not in e.classes:
            continue
        if any(e.attrs.get(k.rstrip("_")) != v for k, v in attrs.items()):
            continue
        out.append(e)
    return out
