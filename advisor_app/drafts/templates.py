"""Jinja2 templates in a sandbox: the shipped ones in `resources/templates`, overridden by
files of the same name in the workspace's `templates/` folder.

A Markdown template is `NAME.LANG.md.j2`; the HTML page around an export is `page.html.j2`
(autoescaped). In a Markdown template every `{{ value }}` is escaped for Markdown, as HTML
autoescaping does for HTML, so a name like `![x](https://…)` stays text; `| markdown` marks
the advisor's own Markdown (highlights, notes) to be kept as written. Undefined names are
errors, and every error (syntax, undefined, a blocked attribute) becomes a `TemplateProblem`
with the template's name and line number.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_eval_context,
    select_autoescape,
)
from jinja2.nodes import EvalContext
from markupsafe import Markup

from advisor_app.domain.resources import resources_dir
from advisor_app.drafts import DraftError
from advisor_app.drafts.template_limits import (
    DEFAULT_LIMITS,
    LimitedSandbox,
    RenderLimits,
    TemplateLimitError,
    render_limited,
)

DEFAULT_TEMPLATE = "weekly-update"
MARKDOWN_SUFFIX = ".md.j2"
PAGE_TEMPLATE = "page.html.j2"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# What starts a block when it begins a line: a heading, a list, a quote, a setext underline.
_MARKDOWN_LINE_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|>|=+\s*$|-+\s*$|\d+(?=[.)](?:\s|$)))")


class TemplateProblem(DraftError):
    """A template that cannot be loaded or rendered; `line` is its line number when known."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        self.template, self.line, self.message = template, line, message
        where = template if line is None else f"{template}, line {line}"
        super().__init__(f"template {where}: {message}")


def md_escape(value: object) -> str:
    """Text from a case (a subject, a name) shown literally in Markdown."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    start = _MARKDOWN_LINE_START.match(text)
    if start is None:
        return text
    return f"{text[: start.end()]}\\{text[start.end() :]}" if start.group()[0].isdigit() else f"\\{text}"


class MarkdownText(str):
    """A string that is Markdown already: escaped (`| md`) or the advisor's own (`| markdown`)."""


def _md_filter(value: object) -> MarkdownText:
    return value if isinstance(value, MarkdownText) else MarkdownText(md_escape(value))


def _markdown_filter(value: object) -> MarkdownText:
    return MarkdownText(str(value))


@pass_eval_context
def _finalize(eval_context: EvalContext, value: object) -> object:
    """Every `{{ value }}` of a Markdown template is escaped unless it is Markdown already;
    numbers stay as they are; HTML templates are left to autoescaping."""
    if eval_context.autoescape or isinstance(value, (MarkdownText, Markup, int, float)):
        return value
    return md_escape(value)


def shipped_templates_dir() -> Path:
    return resources_dir() / "templates"


class Templates:
    """The templates of a workspace (`user_dir`, may be missing) over the shipped ones."""

    def __init__(self, user_dir: Path | None = None, limits: RenderLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        folders = [str(shipped_templates_dir())]
        if user_dir is not None:
            folders.insert(0, str(user_dir))
        self.user_dir = user_dir
        self._folders = [Path(folder) for folder in folders]
        # Compiled templates by the file they came from and its state: compiling costs far
        # more than rendering, and an edited or newly overriding file is still seen at once.
        self._compiled: dict[tuple[str, str, int, int], Template] = {}
        self.environment = LimitedSandbox(
            loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            cache_size=0,  # compiled templates are kept by `_template`, which notices edits
            finalize=_finalize,
        )
        self.environment.filters["md"] = _md_filter
        self.environment.filters["markdown"] = _markdown_filter
        self.environment.limit_filters()

    def names(self) -> list[str]:
        """Markdown template names (without language) offered in any language."""
        found = set()
        for name in self.environment.list_templates():
            if name.endswith(MARKDOWN_SUFFIX):
                stem = name[: -len(MARKDOWN_SUFFIX)]
                base, _, language = stem.rpartition(".")
                if base and language and _NAME.match(base):
                    found.add(base)
        return sorted(found, key=lambda name: (name != DEFAULT_TEMPLATE, name))

    def file_name(self, name: str, language: str) -> str:
        if not _NAME.match(name):
            raise TemplateProblem(name, None, "a template name has letters, digits, - and _ only")
        return f"{name}.{language}{MARKDOWN_SUFFIX}"

    def render_markdown(self, name: str, language: str, context: Mapping[str, Any]) -> str:
        return self._render(self.file_name(name, language), context)

    def render_page(self, title: str, body_html: str, language: str) -> str:
        """The HTML document around rendered Markdown (which is trusted: it was escaped when made)."""
        return self._render(PAGE_TEMPLATE, {"title": title, "body": Markup(body_html), "language": language})

    def _template(self, file_name: str) -> Template:
        source = next((folder / file_name for folder in self._folders if (folder / file_name).is_file()), None)
        if source is None:
            return self.environment.get_template(file_name)  # raises TemplateNotFound
        state = source.stat()
        key = (file_name, str(source), state.st_mtime_ns, state.st_size)
        template = self._compiled.get(key)
        if template is None:
            template = self._compiled[key] = self.environment.get_template(file_name)
        return template

    def _render(self, file_name: str, context: Mapping[str, Any]) -> str:
        try:
            template = self._template(file_name)
        except TemplateNotFound:
            raise TemplateProblem(file_name, None, "no such template") from None
        except TemplateSyntaxError as error:
            raise TemplateProblem(file_name, error.lineno, error.message or str(error)) from None
        except (TemplateError, OSError, UnicodeDecodeError) as error:
            raise TemplateProblem(file_name, None, str(error)) from None
        try:
            return render_limited(template, context, self.limits)
        except TemplateLimitError as error:
            raise TemplateProblem(file_name, _template_line(error, template.filename), str(error)) from None
        except RecursionError:
            raise TemplateProblem(file_name, None, "stopped: calls nested too deep (a macro calling itself?)") from None
        except Exception as error:  # a user's template must never take the app down
            line = _template_line(error, template.filename)
            message = str(error) or type(error).__name__
            raise TemplateProblem(file_name, line, message) from None


def _template_line(error: BaseException, filename: str | None) -> int | None:
    """The line of the template where rendering failed: Jinja's tracebacks name the template file."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if filename is not None and frame.filename == filename:
            line = frame.lineno
    return line
