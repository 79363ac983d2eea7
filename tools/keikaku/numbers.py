"""Numbers: declared rounding and Japanese-style formatting (48,221 / 84% / 102.9%)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal

# Enough digits for any value the schemas admit (up to 10^12 with 12 decimals).
CONTEXT = Context(prec=40)

ROUNDING = {"half_up": ROUND_HALF_UP, "floor": ROUND_FLOOR, "ceil": ROUND_CEILING}


def to_decimal(value: float | int | Decimal) -> Decimal:
    """Exact decimal of a value as written (0.1 stays 0.1, not its binary neighbour)."""
    return value if isinstance(value, Decimal) else Decimal(repr(value))


def round_to(value: float | int | Decimal, digits: int, method: str = "half_up") -> Decimal:
    """Round ``value`` to ``digits`` decimals with the declared method."""
    quantum = Decimal(1).scaleb(-digits)
    return to_decimal(value).quantize(quantum, rounding=ROUNDING[method], context=CONTEXT)


def ratio(numerator: float | int, denominator: float | int, scale: float | int = 100) -> Decimal:
    """numerator / denominator x scale, exact to 12 decimals."""
    if not denominator:
        return Decimal(0)
    value = CONTEXT.divide(CONTEXT.multiply(to_decimal(numerator), to_decimal(scale)),
                           to_decimal(denominator))
    return value.quantize(Decimal("1e-12"), context=CONTEXT)


def fmt_number(value: float | int | Decimal, digits: int | None = None) -> str:
    """Japanese-style number: thousands separators, decimals only as given.

    >>> fmt_number(48221), fmt_number(102.9), fmt_number(1319.81), fmt_number(8.3, 2)
    ('48,221', '102.9', '1,319.81', '8.30')
    """
    if digits is not None:
        dec = round_to(value, digits)
    else:
        dec = to_decimal(value)
        if dec == dec.to_integral_value():
            dec = dec.quantize(Decimal(1))
    sign = "-" if dec < 0 else ""
    dec = abs(dec)
    text = f"{dec:f}"
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}"
    return sign + whole + (f".{frac}" if frac else "")


def fmt_rate(value: float | int | Decimal, digits: int = 2) -> str:
    """A signed rate as the vision prints it: ▲ for negative (▲ 23.40)."""
    dec = round_to(value, digits)
    return f"▲ {fmt_number(-dec, digits)}" if dec < 0 else fmt_number(dec, digits)


def fmt_value(value: float | int, unit: str) -> str:
    """A KPI value with its unit: 84% / 13,981人回 / 28,108人/年."""
    return f"{fmt_number(value)}{unit}"
