"""``python -m stance``."""
from .cli import run

run()
