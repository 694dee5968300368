"""Numbers printed as a paper prints them (no pydantic, no models: the critique's warm path reads it)."""

from __future__ import annotations


def _places(raw) -> int:
    """Decimals a number was written with (YAML's 0.50 arrives as 0.5: the others in its group decide)."""
    if isinstance(raw, int) or raw is None:
        return 0
    text = repr(raw)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 2


def as_printed(estimate, lo, hi) -> tuple[str, str, str]:
    """An estimate and its limits as a paper prints them: all three with as many decimals as the most
    precise of them carries (YAML gives 0.50 as 0.5: "0.5-0.87" reads as a typo).  Validation's
    messages (S201, S204) and the critique's source figures both print intervals this way."""
    values = [v for v in (estimate, lo, hi) if v is not None]
    if not values or any("e" in repr(v) for v in values):  # 1e-05: as Python writes it
        return tuple("?" if v is None else f"{v:g}" for v in (estimate, lo, hi))  # type: ignore[return-value]
    places = min(6, max(_places(v) for v in values))
    return tuple("?" if v is None else f"{v:.{places}f}" for v in (estimate, lo, hi))  # type: ignore[return-value]
