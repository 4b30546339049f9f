"""Errors a user can cause: typed, with a message in the user's language."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; its message is shown as it is (CLI exit 2, a message in the UI)."""


class StoreError(UserError):
    """The store cannot be opened or used as asked."""


class ImportProblem(UserError):
    """A file to import has problems; ``problems`` lists them with line numbers."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return super().__str__()
        return "\n".join([super().__str__(), *self.problems])
