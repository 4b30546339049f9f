"""Importers: roster, rules and incidents, each validating the whole file before one transaction."""
