"""The tabs and dialogs of the set-up page: classes and students, rules and ladder, language."""
