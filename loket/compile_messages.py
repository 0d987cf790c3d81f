"""Compile every .po catalogue under loket/ into .mo with Babel (no system gettext needed)."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent


def main() -> None:
    for po_path in ROOT.rglob("LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        print(f"compiled {mo_path.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    main()
