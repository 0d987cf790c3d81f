"""axe-core on the page in the browser: serious and critical violations fail the journey."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()
BLOCKING = {"serious", "critical"}
NODES_SHOWN = 5


def assert_accessible(page: Page, *, where: str) -> None:
    violations = AXE.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking, url=page.url, where=where)


def describe(violations: list[dict], *, url: str, where: str) -> str:
    lines = [f"axe found {len(violations)} serious or critical violation(s) on {url} ({where}):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:NODES_SHOWN]:
            target = " ".join(str(part) for part in node["target"])
            html = " ".join(node["html"].split())
            lines.append(f"  * {target}: {html[:200]}")
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {summary[:300]}")
        if len(violation["nodes"]) > NODES_SHOWN:
            lines.append(f"  * … and {len(violation['nodes']) - NODES_SHOWN} more")
    return "\n".join(lines)
