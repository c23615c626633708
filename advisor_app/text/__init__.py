"""Case text made safe to show: HTML sanitized to an allow-list, plain text escaped and linkified."""

from advisor_app.text.sanitize import (
    CASE_TEXT_LIMIT,
    IMAGE_REMOVED,
    RenderedText,
    is_safe_link,
    looks_like_html,
    plain_text_to_html,
    render_case_text,
    render_case_text_capped,
    sanitize_html,
)

__all__ = [
    "CASE_TEXT_LIMIT",
    "IMAGE_REMOVED",
    "RenderedText",
    "is_safe_link",
    "looks_like_html",
    "plain_text_to_html",
    "render_case_text",
    "render_case_text_capped",
    "sanitize_html",
]
