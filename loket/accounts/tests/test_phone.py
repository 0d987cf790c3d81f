import pytest
from django.core.exceptions import ValidationError

from loket.accounts.phone import normalize_whatsapp


@pytest.mark.parametrize(
    "written",
    ["0812-3456-7890", "0812 3456 7890", "+62 812-3456-7890", "6281234567890", " 081234567890 "],
)
def test_it_normalises_indonesian_mobile_numbers(written):
    assert normalize_whatsapp(written) == "+6281234567890"


def test_it_keeps_a_foreign_mobile_number_in_international_form():
    assert normalize_whatsapp("+44 7911 123456") == "+447911123456"


@pytest.mark.parametrize("written", ["021-5551234", "0812", "08xx-1234", "+62", "0812/3456/7890"])
def test_it_refuses_what_whatsapp_cannot_reach(written):
    with pytest.raises(ValidationError):
        normalize_whatsapp(written)
