"""Sub-commands of the command line, one module per theme, each with ``register(subparsers)``."""
