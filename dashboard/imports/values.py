"""Reading one cell of an import sheet: text as people type it in Excel, into a Python value or a message.

Every parser takes the cell as read (str, int, float, datetime or None) and returns the value, or raises
`BadValue` with a Chinese message that names what is wrong (the caller adds file, row and column).
Surrounding blanks and full-width digits and letters are tolerated (NFKC), as are Excel serial dates.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from dashboard.demo.names import id_check_digit

TRUE_WORDS = {"是", "Y", "YES", "TRUE", "1", "√", "有"}
FALSE_WORDS = {"否", "N", "NO", "FALSE", "0", "×", "无"}
FORMULA_STARTS = ("=", "+", "-", "@")
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")
NAME_PATTERN = re.compile(r"[\u3400-\u9fffA-Za-z·•\u00b7 ]+")
PHONE_PATTERN = re.compile(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}")
DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
EXCEL_EPOCH = dt.date(1899, 12, 30)
THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
SCIENTIFIC = re.compile(r"\d+(\.\d+)?E\+?\d+")
ID_AS_NUMBER = ("公民身份号码被 Excel 当成了数字(显示为 4.30702E+17 之类的科学计数法,或末几位变成 0、丢了最后的 X):"
                "Excel 只保留 15 位有效数字,文件中的号码已无法还原。"
                "请把该列设置为“文本”格式,重新录入或粘贴号码后再导入")


class BadValue(ValueError):
    """A cell that cannot be read as its column asks; the message is in Chinese."""


def normalized(raw) -> str:
    """The cell as text: NFKC (full-width digits and letters become ASCII), blanks trimmed."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return unicodedata.normalize("NFKC", str(raw)).strip()


def is_blank(raw) -> bool:
    return normalized(raw) == ""


def free_text(raw, max_length: int) -> str:
    text = str(raw).strip() if raw is not None else ""
    if text.startswith(FORMULA_STARTS):
        raise BadValue("以 = + - @ 开头的内容可能被表格软件当作公式执行,不予导入")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in text):  # bidi overrides, zero-width, controls
        raise BadValue("含有不可见的控制字符或格式字符(如文字方向控制符、零宽字符),不予导入")
    if len(text) > max_length:
        raise BadValue(f"长度 {len(text)} 超过上限 {max_length} 个字")
    return text


def code(raw, max_length: int) -> str:
    text = normalized(raw)
    if not CODE_PATTERN.fullmatch(text):
        raise BadValue(f"编码“{text[:40]}”只能由字母、数字、- 和 _ 组成")
    if len(text) > max_length:
        raise BadValue(f"编码长度 {len(text)} 超过上限 {max_length}")
    return text


def person_name(raw, max_length: int) -> str:
    text = str(raw).strip()
    if not NAME_PATTERN.fullmatch(text):
        raise BadValue(f"姓名“{text[:20]}”只能包含汉字、字母、间隔号和空格")
    if len(text) > max_length:
        raise BadValue(f"姓名长度 {len(text)} 超过上限 {max_length}")
    return text


def without_thousands(text: str) -> str:
    """A number as typed, with its thousands separators dropped: only commas every three digits (1,500 and
    1,234,567.5) are separators; any other comma (1,5, a decimal comma) is refused, never read as 15."""
    if "," not in text:
        return text
    if THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    raise BadValue(f"“{text[:20]}”中的逗号不是千位分隔符(应每三位一个,如 1,500);小数请用小数点,如 1.5")


def integer(raw) -> int:
    if isinstance(raw, bool):
        raise BadValue("应为整数")
    if isinstance(raw, int):
        return raw
    text = without_thousands(normalized(raw))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadValue(f"“{text[:20]}”不是整数") from None
    if number != number.to_integral_value():
        raise BadValue(f"“{text[:20]}”不是整数")
    return int(number)


def decimal(raw, places: int) -> Decimal:
    if isinstance(raw, bool):
        raise BadValue("应为数字")
    text = without_thousands(normalized(raw).removeprefix("¥").removesuffix("元").strip())
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadValue(f"“{text[:20]}”不是数字") from None
    if not number.is_finite():
        raise BadValue(f"“{text[:20]}”不是数字")
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise BadValue(f"“{text[:20]}”最多保留 {places} 位小数")
    return number


def boolean(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    text = normalized(raw).upper()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise BadValue(f"“{text[:20]}”应填“是”或“否”")


def date(raw) -> dt.date:
    """2018-06-30, 2018/6/30, 2018.6.30, 2018年6月30日, an Excel date cell or an Excel serial number."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _serial(raw)
    text = normalized(raw)
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _serial(float(text))
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", text)
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise BadValue(f"“{text}”不是存在的日期") from None
    raise BadValue(f"“{text[:20]}”不是日期(应为 2018-06-30、2018/6/30 或 2018年6月30日)")


def _serial(number: float) -> dt.date:
    if not 1 <= number < 2958466:
        raise BadValue(f"{number:g} 不是 Excel 日期")
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def choice(raw, allowed: tuple[str, ...]) -> str:
    text = normalized(raw)
    if text not in allowed:
        raise BadValue(f"“{text[:20]}”不在可选值中(可选:{'、'.join(allowed)})")
    return text


def id_number(raw) -> str:
    """A mainland resident identity number: 18 characters, a real birth date and a valid check digit.

    A number cell (or its text in a CSV: 4.30702199001011E+17, or 18 digits ending in 000 that fail the check)
    is what Excel makes of a number typed into a column not formatted as text: the message says so."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise BadValue(ID_AS_NUMBER)
    text = normalized(raw).upper()
    if SCIENTIFIC.fullmatch(text):
        raise BadValue(ID_AS_NUMBER)
    if re.fullmatch(r"\d{17}", text):
        raise BadValue("公民身份号码只有17位,缺了最后一位(常是被当成数字时丢掉的 X);请把该列设置为“文本”格式后重新录入")
    if re.fullmatch(r"\d{15}", text):
        raise BadValue("这是15位的旧号码,请换成18位公民身份号码")
    if not re.fullmatch(r"\d{17}[\dX]", text):
        raise BadValue("公民身份号码应为18位(最后一位可为X)")
    try:
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise BadValue("公民身份号码中的出生日期不存在") from None
    if id_check_digit(text[:17]) != text[17]:
        raise BadValue(ID_AS_NUMBER if text.endswith("000") else "公民身份号码校验位不正确")
    return text


def id_birth_date(number: str) -> dt.date:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def id_gender(number: str) -> str:
    return "男" if int(number[16]) % 2 else "女"


def phone(raw) -> str:
    text = normalized(raw).replace(" ", "")
    if not PHONE_PATTERN.fullmatch(text):
        raise BadValue(f"“{text[:20]}”不是手机号(11位,1开头)或固定电话(区号-号码)")
    return text
