"""`to_dataframe`: labelled claims as a pandas DataFrame (extra ``pandas``)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import StanceError
from .output import claim_row
from .records import Claim


def to_dataframe(claims: Iterable[Claim]) -> Any:
    """One row per claim with the documented output fields.

    Raises `StanceError` when pandas is not installed (``pip install 'stance[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError:
        raise StanceError("to_dataframe needs pandas: pip install 'stance[pandas]'") from None
    return pd.DataFrame([claim_row(c) for c in claims])
