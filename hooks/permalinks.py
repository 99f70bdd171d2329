"""Permanent links: every h2/h3 must carry a hand-written id, ids are unique on a page, renamed
sections keep their old id as an alias (data/aliases.yml), and every linkable heading gets a
"copy link" button that copies the full hosted URL (site_url + path + #id), offline too.

Copying is Material's own clipboard handler (data-clipboard-text); the button is rendered
`hidden` and shown by assets/javascripts/permalinks.js, so without JavaScript only the
permalink (#) remains, and it works.
"""
import html
import re

from _glue import project_root
from argmap.markers import fill
from argmap.model import ContentError, read_yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pagekit.headings import duplicate_ids, headings_without_id
from pagekit.icons import material_icon

HOOK = "permalinks"
ALIASES = "data/aliases.yml"
METHOD = "method.md"
EXAMPLE = ("viewpoints/limited-allies.html", "asymmetry")  # the example the Method page links to
HEADERLINK = re.compile(
    r'(?P<open><h(?P<level>[23]) id="(?P<id>[^"]+)"[^>]*>)(?P<inner>.*?)'
    r'(?P<link><a class="headerlink" href="#(?P=id)"[^>]*>.*?</a>)(?P<close></h(?P=level)>)', re.S)
HIDDEN = re.compile(r"<span [^>]*\bhidden>.*?</span>", re.S)
state = {}


def on_config(config):
    try:
        aliases = read_yaml(project_root(config), ALIASES) or {}
    except ContentError as error:
        raise PluginError(f"hooks/{HOOK}.py: {error}") from None
    if not isinstance(aliases, dict):
        raise PluginError(f"hooks/{HOOK}.py: {ALIASES}: must map page paths to {{old id: current id}}. "
                          "Fix: write `page.md:` lines with `old-id: current-id` entries under them.")
    state["aliases"] = aliases
    state["icon"] = material_icon(tuple(config.theme.dirs), "link-variant")
    return config


@event_priority(-100)  # after every hook that adds headings
def on_page_markdown(markdown, page, config, files):
    missing = headings_without_id(markdown)
    if missing:
        number, heading = missing[0]
        raise PluginError(
            f"hooks/{HOOK}.py: docs/{page.file.src_uri}: line {number}: heading {heading!r} has no "
            "explicit id. Fix: end it with { #a-permanent-id }, so links to it never depend on its wording.")
    if page.file.src_uri == METHOD:
        try:
            markdown = fill(markdown, METHOD, HOOK, {"on paper": paper_note((config.site_url or "").rstrip("/") + "/")})
        except ContentError as error:
            raise PluginError(f"hooks/{HOOK}.py: {error}") from None
    return markdown


def paper_note(site_url: str) -> str:
    """How to link and cite from paper, where the copy buttons do nothing: printed only."""
    url = html.escape(f"{site_url}{EXAMPLE[0]}#{EXAMPLE[1]}")
    return (
        '<div class="av-print-only" markdown>\n'
        "**On paper**, where buttons do nothing: each argument and theme is printed with its id after "
        "a # sign, and its web address is the address of its page followed by that # and id. The "
        f'argument on asymmetry, for example, is at <a class="av-url" href="{url}">{url}</a>. Each '
        "page's own address is printed in the citations at its end (\"Cite this page\"); to cite one "
        "argument, put its address in place of the page's.\n</div>\n")


@event_priority(-100)
def on_page_content(html_text, page, config, files):
    src = page.file.src_uri
    dupes = duplicate_ids(html_text)
    if dupes:
        raise PluginError(f"hooks/{HOOK}.py: docs/{src}: id {dupes[0]!r} is used twice on the page. "
                          "Fix: give each heading its own id (keep the old one as an alias in "
                          f"{ALIASES} if readers may have linked to it).")
    html_text = _add_aliases(html_text, src)
    base = (config.site_url or "").rstrip("/") + "/" + page.url

    def button(match):
        shown = HIDDEN.sub("", match["inner"])  # hidden text (an address for search) names nothing
        title = html.unescape(re.sub(r"<[^>]+>", "", shown)).strip()
        url = f"{base}#{match['id']}"
        # The permalink and its copy button wrap together, never one per line (site.css).
        return (f'{match["open"]}{match["inner"]}<span class="av-anchors">{match["link"]}'
                f'<button type="button" class="av-copy" hidden data-clipboard-text="{html.escape(url)}" '
                f'aria-label="Copy link to this section: {html.escape(title)}" title="Copy link">'
                f'{state["icon"]}</button></span>{match["close"]}')

    return HEADERLINK.sub(button, html_text)


def _add_aliases(html_text, src):
    for old, current in (state["aliases"].get(src) or {}).items():
        anchor = f'id="{current}"'
        if anchor not in html_text:
            raise PluginError(f"hooks/{HOOK}.py: {ALIASES}: {src}: alias {old!r} points to #{current}, "
                              "which is not on the page. Fix: point it to the section's current id.")
        if f'id="{old}"' in html_text:
            raise PluginError(f"hooks/{HOOK}.py: {ALIASES}: {src}: alias {old!r} is still a live id on "
                              "the page. Fix: remove the alias, or rename the section.")
        start = html_text.rfind("<", 0, html_text.index(anchor))
        html_text = (html_text[:start] + f'<span class="av-alias" id="{old}"></span>' + html_text[start:])
    return html_text
