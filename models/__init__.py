"""Shipped models: the default stance model and its card (installed as ``stance.models``)."""
