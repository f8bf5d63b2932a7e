"""stance: who said what in French news about negotiations, and is it progress, obstacle or position."""
__version__ = "0.1.0"
