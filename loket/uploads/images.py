"""Scanned letters as PNG or JPEG images: decodable, complete, and within a pixel limit."""

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from PIL import Image, ImageFile

from .errors import refusal


def check_image(data: bytes, *, image_format: str, max_pixels: int) -> None:
    """Raises ValidationError unless `data` is a whole image of `image_format` ("PNG", "JPEG")."""
    try:
        # Pillow warns above Image.MAX_IMAGE_PIXELS and raises above twice that; both refuse.
        with _truncation_refused(), warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            _decode(data, image_format=image_format, max_pixels=max_pixels)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_large(max_pixels) from error
    except ValidationError:
        raise
    except Exception as error:  # a malformed image can make a decoder raise almost anything
        raise refusal("image_damaged") from error


def _decode(data: bytes, *, image_format: str, max_pixels: int) -> None:
    with Image.open(io.BytesIO(data), formats=[image_format]) as image:
        width, height = image.size
        # Opening reads only the header: refuse a decompression bomb before decoding a pixel.
        if width * height > max_pixels:
            raise _too_large(max_pixels)
        image.verify()
    # verify() leaves the image unusable and does not decode JPEG data, so load it afresh.
    with Image.open(io.BytesIO(data), formats=[image_format]) as image:
        image.load()


_PROCESS_WIDE_SETTINGS = threading.Lock()


@contextmanager
def _truncation_refused() -> Iterator[None]:
    # WeasyPrint, imported for receipts, sets Pillow's process-wide LOAD_TRUNCATED_IMAGES, with
    # which a cut-off JPEG loads without error. The lock keeps concurrent checks from restoring
    # each other's value (and serialises their warning filters, which are process-wide too).
    with _PROCESS_WIDE_SETTINGS:
        previous, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _too_large(max_pixels: int) -> ValidationError:
    return refusal("image_too_large", limit=number_format(max_pixels, force_grouping=True))
