"""Permanent links: every h2/h3 must carry a hand-written id, ids are unique on a page, renamed
sections keep their old id as an alias (data/aliases.yml), and every linkable heading gets a
"copy link" button that copies the full hosted URL (site_url + path + #id), offline too. A build
that loses a published target (anchors.txt) fails, so `make serve` shows it at once.

Copying is Material's own clipboard handler (data-clipboard-text); the button is rendered
`hidden` and shown by assets/javascripts/permalinks.js, so without JavaScript only the
permalink (#) remains, and it works.
"""

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from argmap.model import ContentError, at, read_yaml_lines
from argmap.schema import Aliases, validate
from pagekit.headings import duplicate_ids, headings_without_id, literal_references
from pagekit.pages import METHOD
from publish.anchors import lost_targets, read
from render.markers import fill

MARKER = "src/mkdocs_adapter/permalinks.py"  # names this file in the markers in docs/
ALIASES = "data/aliases.yml"
EXAMPLE = ("viewpoints/limited-allies.html", "asymmetry")  # the example the Method page links to
HEADERLINK = re.compile(
    r'(?P<open><h(?P<level>[23]) id="(?P<id>[^"]+)"[^>]*>)(?P<inner>.*?)'
    r'(?P<link><a class="headerlink" href="#(?P=id)"[^>]*>.*?</a>)(?P<close></h(?P=level)>)',
    re.S,
)
HIDDEN = re.compile(r"<span [^>]*\bhidden>.*?</span>", re.S)


def read_aliases(root: Path, docs: Path) -> dict:
    """data/aliases.yml, checked: page.md -> {old id: current id}."""
    aliases, lines = read_yaml_lines(root, ALIASES)
    aliases = aliases or {}  # a file with comments only
    validate(Aliases, aliases, ALIASES, lines)
    for page in aliases:
        if not (docs / page).is_file():  # an alias under a wrong key would be ignored
            raise ContentError(
                at(ALIASES, lines, page),
                page,
                "names a page that does not exist",
                "use the page's path under docs/, e.g. viewpoints/limited-allies.md",
            )
    return aliases


def page_markdown(build, markdown, page, config):
    """After every step that adds headings."""
    missing = headings_without_id(markdown)
    if missing:
        number, heading, fix = missing[0]
        raise PluginError(
            f"docs/{page.file.src_uri}: line {number}: heading {heading!r} has no "
            f"explicit id. Fix: {fix}, so links to it never depend on its wording."
        )
    if page.file.src_uri == METHOD:
        markdown = fill(markdown, METHOD, MARKER, {"on paper": paper_note((config.site_url or "").rstrip("/") + "/")})
    return markdown


def paper_note(site_url: str) -> str:
    """How to link and cite from paper, where the copy buttons do nothing: printed only."""
    url = html.escape(f"{site_url}{EXAMPLE[0]}#{EXAMPLE[1]}")
    return (
        '<div class="av-print-only" markdown>\n'
        "**On paper**, where buttons do nothing: each argument and theme is printed with its id after "
        "a # sign, and its web address is the address of its page followed by that # and id. The "
        f'argument on asymmetry, for example, is at <a class="av-url" href="{url}">{url}</a>. Each '
        'page\'s own address is printed in the citations at its end ("Cite this page"); to cite one '
        "argument, put its address in place of the page's.\n</div>\n"
    )


def page_content(build, html_text, page, config):
    src = page.file.src_uri
    dupes = duplicate_ids(html_text)
    if dupes:
        raise PluginError(
            f"docs/{src}: id {dupes[0]!r} is used twice on the page. "
            "Fix: give each heading its own id (keep the old one as an alias in "
            f"{ALIASES} if readers may have linked to it)."
        )
    typos = literal_references(html_text)
    if typos:
        written = _written_in(build.root, config, typos[0])
        raise PluginError(
            f"docs/{src}: link {typos[0]!r} shows as literal brackets"
            f"{written}: its reference is defined nowhere. Fix: correct the reference to a "
            "source id ([*The Hundred*][the-hundred]) or a link defined on the page."
        )
    html_text = _add_aliases(build.aliases, html_text, src)
    base = (config.site_url or "").rstrip("/") + "/" + page.url

    def button(match):
        shown = HIDDEN.sub("", match["inner"])  # hidden text (an address for search) names nothing
        title = html.unescape(re.sub(r"<[^>]+>", "", shown)).strip()
        url = f"{base}#{match['id']}"
        # The permalink and its copy button wrap together, never one per line (site.css).
        return (
            f'{match["open"]}{match["inner"]}<span class="av-anchors">{match["link"]}'
            f'<button type="button" class="av-copy" hidden data-clipboard-text="{html.escape(url)}" '
            f'aria-label="Copy link to this section: {html.escape(title)}" title="Copy link">'
            f"{build.icons['link']}</button></span>{match['close']}"
        )

    return HEADERLINK.sub(button, html_text)


def _written_in(root: Path, config, typo: str) -> str:
    """Where the reference was written, when the page shows text from other files (the Compare
    page quotes the viewpoint pages): ' (written in docs/x.md)'."""
    reference = typo[typo.rindex("][") :]
    files = [*sorted(Path(config.docs_dir).rglob("*.md")), *sorted(root.glob("data/*.yml"))]
    found = [f.relative_to(root).as_posix() for f in files if reference in f.read_text(encoding="utf-8")]
    return f" (written in {', '.join(found)})" if found else ""


def _add_aliases(aliases, html_text, src):
    for old, current in (aliases.get(src) or {}).items():
        anchor = f'id="{current}"'
        if anchor not in html_text:
            raise PluginError(
                f"{ALIASES}: {src}: alias {old!r} points to #{current}, "
                "which is not on the page. Fix: point it to the section's current id."
            )
        if f'id="{old}"' in html_text:
            raise PluginError(
                f"{ALIASES}: {src}: alias {old!r} is still a live id on "
                "the page. Fix: remove the alias, or rename the section."
            )
        start = html_text.rfind("<", 0, html_text.index(anchor))
        html_text = html_text[:start] + f'<span class="av-alias" id="{old}"></span>' + html_text[start:]
    return html_text


def post_page(build, output, page):
    """An id the page's content shares with one the theme's templates add breaks both."""
    dupes = duplicate_ids(output)
    if dupes:
        raise PluginError(
            f"docs/{page.file.src_uri}: id {dupes[0]!r} collides with an id "
            "the theme adds to every page. Fix: choose another heading id (keep the old "
            f"one as an alias in {ALIASES} if readers may have linked to it)."
        )
    return output


def check_published_targets(build, config):
    """After mkdocs-redirects and print-site have written their pages."""
    registry = build.root / "anchors.txt"
    problems = lost_targets(Path(config.site_dir), read(registry))
    if problems:
        target, problem, fix = problems[0]
        more = f" ({len(problems) - 1} more lost)" if len(problems) > 1 else ""
        raise PluginError(f"anchors.txt: {target}: {problem}{more}: a published link target is lost. Fix: {fix}.")
