"""Valid markup where Material's base.html has no block to extend: its two toggle checkboxes.

The drawer and search toggles carry autocomplete="off", which HTML allows on text-like inputs
only (the Nu checker rejects it on checkboxes, squidfunk/mkdocs-material#1513). Material added it
so Firefox forgets the toggles' state on reload; without it, a drawer left open stays open after
a reload in Firefox, nothing more. The inputs sit outside every block, so this hook edits them.
"""

TOGGLES = ("drawer", "search")


def without_toggle_autocomplete(html: str) -> str:
    for name in TOGGLES:
        html = html.replace(f'type="checkbox" id="__{name}" autocomplete="off">',
                            f'type="checkbox" id="__{name}">', 1)
    return html


def on_post_page(output, page, config):
    return without_toggle_autocomplete(output)


def on_post_template(output_content, template_name, config):
    return without_toggle_autocomplete(output_content)  # 404.html is a template, not a page
