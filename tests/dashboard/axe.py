"""Run axe-core (bundled in the ``axe-playwright-python`` wheel, so nothing is downloaded at test
time) in a Playwright frame and turn its violations into a message a developer can act on."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


@cache
def axe_source() -> str:
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def run_axe(frame) -> list[dict]:
    """Every WCAG 2.0/2.1 A and AA violation in one frame (the main page or an iframe).

    ``evaluate`` rather than a script tag, so a Content-Security-Policy cannot block the checker;
    each frame is checked on its own (``iframes: false``) and the caller visits the iframes.
    """
    if not frame.evaluate("typeof window.axe !== 'undefined'"):
        frame.evaluate(axe_source())
    results = frame.evaluate(
        """async tags => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
            iframes: false,
        })""",
        WCAG_AA_TAGS,
    )
    return results["violations"]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict], where: str, max_targets: int = 5) -> str:
    """One paragraph per rule: id, impact, help, and the first few offending elements."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(f"[{where}] {violation['id']} ({violation['impact']}): {violation['help']} "
                     f"— {len(nodes)} element(s); {violation['helpUrl']}")
        for node in nodes[:max_targets]:
            target = " >> ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}  {node['html'][:160]}  {summary[:240]}")
        if len(nodes) > max_targets:
            lines.append(f"    … and {len(nodes) - max_targets} more")
    return "\n".join(lines)
