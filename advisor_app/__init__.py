"""Advisor Desk: a desktop workspace for named support advisors."""

__version__ = "0.1.0"
APP_NAME = "Advisor Desk"
APP_ID = "advisor-desk"
DESKTOP_ID = "com.advisordesk.AdvisorDesk"
"""The desktop entry's and AppStream id (packaging/linux); Wayland matches the window to it."""
