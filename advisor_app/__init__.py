"""Advisor Desk: a desktop workspace for named support advisors."""

__version__ = "0.1.0"
APP_NAME = "Advisor Desk"
APP_ID = "advisor-desk"
