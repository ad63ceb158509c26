"""Masking of personal data in detail rows (names, phones, identity-card numbers).

Queries that return people apply these, so unmasked personal data never leaves `queries/` for a view
that does not need it. A blank value (None, or NaN where pandas reads a text column with gaps) stays blank.
"""

from __future__ import annotations


def mask_name(name: str | None) -> str | None:
    """张三明 → 张*明, 李四 → 李*; a single character stays."""
    if not isinstance(name, str) or len(name) < 2:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str | None) -> str | None:
    """13812341234 → 138****1234; anything shorter than 7 characters is hidden whole."""
    if not isinstance(phone, str) or not phone:
        return phone
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_number(number: str | None) -> str | None:
    """430702198001024731 → 4307**********4731."""
    if not isinstance(number, str) or not number:
        return number
    if len(number) < 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
