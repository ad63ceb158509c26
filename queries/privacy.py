"""Masking of personal data in detail rows (names, phones, identity-card numbers).

Queries that return people apply these, so unmasked personal data never leaves `queries/` for a view
that does not need it.
"""

from __future__ import annotations

# A value missing from a frame may be None or NaN (pandas puts NaN where a column has no value); either is
# shown as missing, never masked as if it were text.


def mask_name(name: str | float | None) -> str | None:
    """张三明 → 张*明, 李四 → 李*; a single character stays."""
    if not isinstance(name, str):
        return None
    if not name or len(name) < 2:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str | float | None) -> str | None:
    """13812341234 → 138****1234; anything shorter than 7 characters is hidden whole."""
    if not isinstance(phone, str):
        return None
    if not phone:
        return phone
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_number(number: str | float | None) -> str | None:
    """430702198001024731 → 4307**********4731."""
    if not isinstance(number, str):
        return None
    if not number:
        return number
    if len(number) < 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
