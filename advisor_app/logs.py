"""Logging: named loggers per area, a rotating file per workspace, secrets redacted."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

_REDACTIONS = (
    (re.compile(r"(?i)(authorization\s*[:=]\s*)(\S+\s+)?\S+"), r"\1[redacted]"),
    (re.compile(r"(?i)((?:token|password|secret|api[_-]?key)\s*[:=]\s*)\S+"), r"\1[redacted]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def log_file(logs_dir: Path) -> Path:
    """The workspace's current log file (older ones beside it end in .1, .2, .3)."""
    return logs_dir / "advisor.log"


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> None:
    logs_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(log_file(logs_dir), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger("advisor_app")
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
