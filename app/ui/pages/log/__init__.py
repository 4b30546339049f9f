"""Widgets of the Log page: student picker, seating grid, rule and ladder buttons, lesson bar, feedback."""
