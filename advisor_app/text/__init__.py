"""Case text made safe to show: HTML sanitized to an allow-list, plain text escaped and linkified."""

from advisor_app.text.sanitize import (
    IMAGE_REMOVED,
    is_safe_link,
    looks_like_html,
    plain_text_to_html,
    render_case_text,
    sanitize_html,
)

__all__ = [
    "IMAGE_REMOVED",
    "is_safe_link",
    "looks_like_html",
    "plain_text_to_html",
    "render_case_text",
    "sanitize_html",
]
