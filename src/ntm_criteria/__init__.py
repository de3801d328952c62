"""ntm_criteria: Vietnam's development criteria as typed data and a rule engine."""

__version__ = "0.1.0.dev0"
