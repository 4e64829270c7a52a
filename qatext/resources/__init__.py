"""Data files read with importlib.resources: lexicons, rules, tables."""
