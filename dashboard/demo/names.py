"""Synthetic but plausible Chinese names, identity-card numbers and phone numbers."""

from __future__ import annotations

import numpy as np

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文辉鹏飞斌宇浩凯健俊帆帅")
PLACE_WORDS = list(
    "德润和丰安泰兴盛永宁嘉禾瑞祥福康惠民长乐新桥青松翠竹金桂银杏丹枫紫荆白鹭沅澧柳湖桃源滨江临澧"
    "朝阳向阳东风南湖西园北苑锦绣春晖秋实东升怡景文昌武胜善卷德山芙蓉"
)
ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
ID_CHECK = "10X98765432"


def person_names(rng: np.random.Generator, n: int) -> list[str]:
    """n names: a common surname and one or two given-name characters."""
    surnames = rng.choice(SURNAMES, size=n)
    first = rng.choice(GIVEN, size=n)
    second = rng.choice(GIVEN, size=n)
    two = rng.random(n) < 0.7
    return [s + f + (g if t else "") for s, f, g, t in zip(surnames, first, second, two)]


def place_names(rng: np.random.Generator, n: int, suffix: str) -> list[str]:
    """n distinct two-character place names with a suffix (街道, 社区, 村 ...)."""
    seen: set[str] = set()
    names: list[str] = []
    while len(names) < n:
        word = "".join(rng.choice(PLACE_WORDS, size=2))
        if word[0] != word[1] and word not in seen:
            seen.add(word)
            names.append(word + suffix)
    return names


def id_check_digit(first17: str) -> str:
    """The check digit of a mainland identity-card number (GB 11643)."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    return ID_CHECK[total % 11]


def id_numbers(rng: np.random.Generator, regions: list[str], birth_dates: np.ndarray,
               male: np.ndarray) -> list[str]:
    """Unique, well-formed identity-card numbers (odd sequence digit for men)."""
    n = len(regions)
    births = np.datetime_as_string(birth_dates, unit="D")
    stems = [r + b.replace("-", "") for r, b in zip(regions, births)]
    seq = rng.integers(0, 500, size=n) * 2 + male.astype(int)
    taken: set[str] = set()
    first17: list[str] = []
    for stem, s in zip(stems, seq.tolist()):
        while stem + f"{s:03d}" in taken:
            s = (s + 2) % 1000
        taken.add(stem + f"{s:03d}")
        first17.append(stem + f"{s:03d}")
    digits = np.frombuffer("".join(first17).encode("ascii"), dtype=np.uint8).reshape(n, 17) - ord("0")
    checks = np.array(list(ID_CHECK))[(digits.astype(np.int64) @ ID_WEIGHTS) % 11]
    return [f + c for f, c in zip(first17, checks.tolist())]


def phone_numbers(rng: np.random.Generator, n: int) -> list[str]:
    """Mobile numbers of the mainland form 1[3-9]XXXXXXXXX."""
    second = rng.choice(list("35789"), size=n)
    rest = rng.integers(0, 10**9, size=n)
    return ["1" + s + f"{r:09d}" for s, r in zip(second, rest.tolist())]
