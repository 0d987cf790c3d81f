"""POSTing JSON to a provider, turning transport failures into retryable SendErrors."""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from . import SendError


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict
    data: dict


def post_json(url: str, payload: dict, *, headers: dict, timeout: float) -> Response:
    """A response of any status; SendError (retryable) when none came back."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Response(response.status, dict(response.headers), _json(response.read()))
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), _json(error.read()))
    except TimeoutError as error:
        raise SendError(f"no answer within {timeout:g} s ({error})", uncertain=True) from error
    except (urllib.error.URLError, ConnectionError, OSError) as error:
        # Refused: nothing went out. Reset or cut off: the provider may have it.
        refused = isinstance(getattr(error, "reason", error), ConnectionRefusedError)
        raise SendError(f"could not reach {url}: {error}", uncertain=not refused) from error


def retry_after(response: Response) -> float | None:
    value = {key.lower(): v for key, v in response.headers.items()}.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _json(raw: bytes) -> dict:
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
