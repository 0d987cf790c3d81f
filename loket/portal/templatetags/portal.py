from django import template

register = template.Library()


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(prefix) and prefix != "/"


@register.filter
def as_lines(value: str) -> list[str]:
    """The items of a one-item-per-line catalog field, without list markers."""
    return [
        line.strip().lstrip("-•*").strip() for line in (value or "").splitlines() if line.strip()
    ]
