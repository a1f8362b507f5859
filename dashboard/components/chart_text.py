"""Text from people and files, made safe to put in a plotly figure.

plotly.js draws every text in a chart (titles, axis titles, tick labels, legend
names, annotations, bar labels, hover labels) through its own small HTML
subset: ``<br>``, ``<b>``, ``<i>``, ``<sup>``, ``<sub>``, ``<span style>`` and
``<a href>`` become line breaks, formatting and live links. An imported
indicator named ``<b>Tillit</b><br><a href="…">klicka</a>`` would be drawn bold,
on two lines and as a link instead of as what was typed.

plotly splits a text on tags first and then decodes character references in
the pieces between them, once: ``&amp;``, ``&lt;``, ``&gt;`` and numeric
references (``&#34;``), but not ``&quot;``, which it would show literally
(so ``html.escape`` is not the right tool). Encoding ``&``, ``<``, ``>`` and
the quotes as those references therefore leaves no tag to find and shows the
text exactly as typed.

Use ``chart_text`` at the last step, where a person's or a file's text enters
a figure; our own catalogue text (which may hold an intentional ``<br>``) goes
in as it is. ``chart_message`` is a catalogue message whose parameters are
such text. User text never goes into a ``hovertemplate`` or ``texttemplate``
(``%{…}`` is a template language there): put it in ``customdata`` or ``text``
and refer to it.
"""

from __future__ import annotations

from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from indicators.i18n.texts import render

_REFERENCES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def chart_text(value: object) -> str:
    """``value`` as plotly text that draws as exactly these characters (``None`` draws as nothing)."""
    if value is None:
        return ""
    return str(value).translate(_REFERENCES)


def chart_message(key: str, language: str | None = None, **params: object) -> str:
    """The catalogue message ``key`` for a figure, every parameter taken as data.

    Each parameter is written in the reader's language first (numbers, nested messages),
    then escaped; the template itself is ours and goes in as it is.
    """
    language = language or current_language()
    return text(key, language, **{name: chart_text(render(value, language)) for name, value in params.items()})
