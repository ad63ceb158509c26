"""What the browser test of every view (tests/browser/test_screens.py) checks of the big screen (数据大屏) and of
the normal views' figure cards, on the same visit that reads their figures (one load per view and mode).

A composition is looked at in 1920×1080, 1366×768 and 3840×2160 (the layout is scaled by CSS, so a resize needs
no new run): the page does not scroll, no element overflows its box, no text is under 20 px at 1920×1080
(scaled with the window), every figure is at least 60 px (scaled) and inside the first screen, every text
meets WCAG AA contrast on its background, one clock, one data-as-of line, which screen of how many, no banner
and no toolbar. A normal view is looked at in 1920×1080, 1366×768 and 390×844: no label, figure or delta of a
figure card is cut, and nothing scrolls sideways."""

from __future__ import annotations

MORE_SIZES = {"screen": [(3840, 2160)], "normal": [(390, 844)]}  # beyond the sizes every view is looked at
# Everything the room sees, measured: scrolling, overflow, text sizes, figures, contrast, clock and dates.
SCREEN_FACTS = """(scale) => {
  const root = document.querySelector('.bs-root');
  const main = document.querySelector('[data-testid="stMain"]');
  const texts = [...document.querySelectorAll('.bs-root *, .bs-clock, .st-key-screen_pause button *')]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .filter((el) => el.getClientRects().length);
  const boxes = '.bs-card, .bs-panel, .bs-tick, .bs-head, .bs-root';
  const overflowing = [...root.querySelectorAll('*')].filter((el) => {
    const box = el.parentElement.closest(boxes);
    if (!box || !el.getClientRects().length) return false;
    const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const out = r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1;
    return (cut && getComputedStyle(el).overflow !== 'visible') || out;
  }).map((el) => el.className + ': ' + el.innerText.slice(0, 40));
  const small = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 20 * scale - 0.5)
    .map((el) => getComputedStyle(el).fontSize + ' ' + el.innerText.slice(0, 30));
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92
    : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ground = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0.9) return c.slice(0, 3); } return [14, 17, 23]; };
  const poor = texts.filter((el) => {
    const style = getComputedStyle(el), size = parseFloat(style.fontSize);
    const large = size >= 24 * scale || (size >= 18.66 * scale && parseInt(style.fontWeight) >= 700);
    const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(ground(el))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) < (large ? 3 : 4.5);
  }).map((el) => getComputedStyle(el).color + ' ' + el.innerText.slice(0, 30));
  const figures = [...root.querySelectorAll('.bs-card-value')].map((el) => {
    const r = el.getBoundingClientRect();
    return {size: parseFloat(getComputedStyle(el).fontSize), shown: r.top >= 0 && r.bottom <= innerHeight
            && r.left >= 0 && r.right <= innerWidth && r.width > 0};
  });
  return {
    scroll: [main.scrollHeight, main.scrollWidth, document.documentElement.scrollHeight,
             document.documentElement.scrollWidth],
    rootFits: root.getBoundingClientRect().bottom <= innerHeight + 1,
    overflowing, small, poor, figures,
    clocks: document.querySelectorAll('.bs-clock').length,
    asOf: (document.body.innerText.match(/数据截至/g) || []).length,
    position: root.querySelector('.bs-page')?.innerText,
    alerts: document.querySelectorAll('[data-testid="stAlert"]').length,
    toolbar: [...document.querySelectorAll('[data-testid="stToolbar"], [data-testid="stHeader"]')]
      .filter((el) => el.getClientRects().length && getComputedStyle(el).display !== 'none').length,
    cards: Object.fromEntries([...root.querySelectorAll('.bs-card')].map((c) => [
      c.querySelector('.bs-card-label').innerText, c.querySelector('.bs-card-value').innerText])),
  };
}"""
CARDS_CUT = """() => {
  const parts = '[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *, [data-testid="stMetricDelta"] *';
  const cut = [...document.querySelectorAll(parts)].filter((el) => el.getClientRects().length
    && (el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis'
        || (getComputedStyle(el).overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1)))
    .map((el) => el.innerText.slice(0, 40));
  return {cut, wide: document.documentElement.scrollWidth - innerWidth,
          mainWide: document.querySelector('[data-testid="stMain"]').scrollWidth - innerWidth,
          cards: document.querySelectorAll('[data-testid="stMetric"]').length};
}"""
# The screen's short entrance (a fade and a slide) is over; the findings line's endless fade is not waited for,
# and an animation cancelled on the way (its element redrawn) counts as over: its `finished` rejects (AbortError).
ENTERED = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect.getComputedTiming().iterations !== Infinity)
  .map((a) => a.finished.catch(() => null))).then(() => true)"""
NARROWED = """(width) => document.documentElement.scrollWidth <= width
                        && document.querySelector('[data-testid="stMain"]').scrollWidth <= width"""

def scale(width: int, height: int) -> float:
    """The big screen's scale against its 1920×1080 design."""
    return min(width / 1920, height / 1080)


def check_composition(page, view: str, position: str, width: int, height: int) -> dict:
    """The composition on the page fits one readable screen at width × height; returns what was measured."""
    page.evaluate(ENTERED)
    facts = page.evaluate(SCREEN_FACTS, scale(width, height))
    where = f"{view} at {width}×{height}"
    assert max(facts["scroll"][0], facts["scroll"][2]) <= height, where
    assert max(facts["scroll"][1], facts["scroll"][3]) <= width, where
    assert facts["rootFits"], where
    assert facts["overflowing"] == [], where
    assert facts["small"] == [], where
    assert facts["poor"] == [], where
    assert facts["figures"] and all(f["shown"] for f in facts["figures"]), where
    assert all(f["size"] >= 60 * scale(width, height) - 0.5 for f in facts["figures"]), where
    assert (facts["clocks"], facts["asOf"], facts["alerts"], facts["toolbar"]) == (1, 1, 0, 0), where
    assert facts["position"] == position, where
    return facts


def check_cards(page, view: str, width: int, height: int) -> None:
    """No figure card's label, figure or delta is cut, and nothing scrolls sideways, at width × height."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:  # the charts follow the window a moment later
        page.wait_for_function(NARROWED, arg=width, timeout=8_000)
    except PlaywrightTimeout:
        pass  # the assertion below says by how much
    facts = page.evaluate(CARDS_CUT)
    where = f"{view} at {width}×{height}"
    assert facts["cards"] > 0, where
    assert facts["cut"] == [], where
    assert facts["wide"] <= 0 and facts["mainWide"] <= 0, where
