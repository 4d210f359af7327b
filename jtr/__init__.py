"""jtr: a command-line tracker for a multi-year reform roadmap kept as validated YAML."""

__version__ = "0.1.0"

# The major.minor data-model version this jtr reads; a roadmap with a newer major is refused.
SCHEMA_VERSION = (1, 0)
