"""Limits on rendering a template: time, output size, and the size of any value it makes.

A workspace template is the advisor's (or whoever put a file in `templates/`), so a
render must end, and soon, whatever the template says. Jinja's sandbox stops attribute
escapes; it does not stop `'a' * 10**9`, `10**10**10`, `lipsum(10**6)` or three nested
loops over a thousand cases. Rendering stays in this process (a subprocess per draft
would cost a Python start on every regenerate and batch item), with three guards:

- Operations that could make a huge value in one step are checked *before* they run:
  `*`, `**`, `+` and `%` (intercepted binary operators), every call (`range`, `lipsum`,
  string methods, macros), every filter (integer arguments over `MAX_COUNT` are refused,
  and `replace`, `indent`, `join`, `format` are sized in advance), and namespace writes.
- The output is produced with `Template.generate` and counted chunk by chunk.
- A trace function, set for the rendering thread only and only while it renders, runs
  on every line of the template's compiled code: it checks the deadline (which stops loops
  that call nothing) and that no local of the template outgrew the size limit (which
  stops repeated doubling with `~`). Raising from it ends the render where it is.

The sandbox, not this module, keeps templates away from Python internals.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sized
from dataclasses import dataclass
from types import FrameType
from typing import Any

from jinja2 import Template
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

MAX_SECONDS = 5.0
MAX_OUTPUT = 1_000_000  # characters; a weekly update is a few thousand
MAX_COUNT = 10_000  # items of a range, lipsum paragraphs and words, widths and counts given to filters
MAX_POWER_BITS = 4_096  # an integer power with a result longer than this is refused

_FORMAT_WIDTH = re.compile(r"\d{6,}")  # '%0999999d', '{:>9999999}'


class TemplateLimitError(Exception):
    """A render went past a limit; the message names it (turned into a TemplateProblem)."""


@dataclass(frozen=True, slots=True)
class RenderLimits:
    seconds: float = MAX_SECONDS
    output: int = MAX_OUTPUT
    count: int = MAX_COUNT


DEFAULT_LIMITS = RenderLimits()


class _Budget(threading.local):
    """The limits and deadline of the render running on this thread (renders may run on several)."""

    limits: RenderLimits = DEFAULT_LIMITS
    deadline: float = float("inf")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"stopped after the time limit of {self.limits.seconds:g} s")

    def check_size(self, value: object, what: str) -> None:
        if isinstance(value, (str, list, tuple, dict, set, frozenset)) and len(value) > self.limits.output:
            raise TemplateLimitError(f"{what} is larger than the size limit of {self.limits.output:,} characters")

    def check_count(self, number: object, what: str) -> None:
        if isinstance(number, int) and not isinstance(number, bool) and abs(number) > self.limits.count:
            raise TemplateLimitError(f"{what} {number} is over the limit of {self.limits.count:,}")


_budget = _Budget()


def _size(value: object) -> int:
    return len(value) if isinstance(value, Sized) else len(str(value))


def _check_format(text: object) -> None:
    if isinstance(text, str) and _FORMAT_WIDTH.search(text):
        raise TemplateLimitError(f"a field width in {text[:40]!r} is over the limit of {_budget.limits.count:,}")


def limited_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > _budget.limits.count:
        raise TemplateLimitError(f"range of {len(numbers):,} items is over the limit of {_budget.limits.count:,}")
    return numbers


def limited_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    for number in (n, min, max):
        _budget.check_count(number, "lipsum size")
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


class LimitedNamespace(Namespace):
    """`namespace()` whose attributes may not outgrow the size limit (`{% set ns.s = ns.s ~ ns.s %}`)."""

    def __setitem__(self, name: str, value: Any) -> None:
        _budget.check_time()
        _budget.check_size(value, f"namespace value {name!r}")
        super().__setitem__(name, value)


def _presize_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse a filter call whose result would be over the size limit, before it runs."""
    limit = _budget.limits.output
    if name == "replace" and isinstance(value, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        count = value.count(old) if old else len(value) + 1
        if len(value) + count * (len(new) - len(old)) > limit:
            raise TemplateLimitError(f"replace would be larger than the size limit of {limit:,} characters")
    elif name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        if isinstance(width, int) and len(value) + (value.count("\n") + 1) * width > limit:
            raise TemplateLimitError(f"indent would be larger than the size limit of {limit:,} characters")
    elif name == "join" and isinstance(value, (list, tuple)):
        separator = str(args[0]) if args else str(kwargs.get("d", ""))
        if sum(_size(item) for item in value) + len(separator) * len(value) > limit:
            raise TemplateLimitError(f"join would be larger than the size limit of {limit:,} characters")
    elif name == "format":
        _check_format(value)


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    passes_context = getattr(function, "jinja_pass_arg", None) is not None

    @functools.wraps(function)  # keeps jinja_pass_arg (pass_context and friends)
    def limited(*args: Any, **kwargs: Any) -> Any:
        _budget.check_time()
        positional = args[1:] if passes_context else args
        value, rest = (positional[0], positional[1:]) if positional else (None, ())
        for number in (*rest, *kwargs.values()):
            _budget.check_count(number, f"{name} argument")
        _presize_filter(name, value, rest, kwargs)
        result = function(*args, **kwargs)
        _budget.check_size(result, f"the result of {name}")
        return result

    return limited


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the size and count checks of this module."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = limited_range
        self.globals["lipsum"] = limited_lipsum
        self.globals["namespace"] = LimitedNamespace

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        self.filters[name] = _limited_filter(name, function)

    def limit_filters(self) -> None:
        """Wrap every filter (Jinja's own and the app's) once they are all registered."""
        for name, function in list(self.filters.items()):
            if not getattr(function, "_advisor_limited", False):
                wrapped = _limited_filter(name, function)
                wrapped._advisor_limited = True  # type: ignore[attr-defined]
                self.filters[name] = wrapped

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _budget.check_time()
        limit = _budget.limits.output
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_BITS:
                raise TemplateLimitError(f"{left} ** {right} is over the limit of {MAX_POWER_BITS:,} bits")
        elif operator == "*":
            for sequence, times in ((left, right), (right, left)):
                repeated = isinstance(sequence, (str, list, tuple)) and isinstance(times, int)
                if repeated and len(sequence) * times > limit:
                    raise TemplateLimitError(
                        f"repeating {len(sequence):,} items {times:,} times is over the size limit of {limit:,}"
                    )
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > limit:
                raise TemplateLimitError(f"a value larger than the size limit of {limit:,} characters")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # Jinja's own signature
        _budget.check_time()
        for value in (*args, *kwargs.values()):
            _budget.check_size(value, "an argument")
            if __obj not in (limited_range, limited_lipsum) and not isinstance(__obj, Macro):
                _budget.check_count(value, "a number argument")
        # The sandbox hands out str.format wrapped (update_wrapper keeps the bound method).
        target = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(target, "__self__", None)
        method = getattr(target, "__name__", "")
        if isinstance(owner, str) and method in ("format", "format_map"):
            _check_format(owner)
        elif isinstance(owner, str) and method == "replace":
            _presize_filter("replace", owner, args, kwargs)
        elif isinstance(owner, str) and method == "join" and args:
            _presize_filter("join", list(args[0]) if isinstance(args[0], (list, tuple)) else [], (owner,), {})
        result = super().call(__context, __obj, *args, **kwargs)
        _budget.check_size(result, "a value")
        return result


def _is_template_code(frame: FrameType) -> bool:
    filename = frame.f_code.co_filename
    return filename.endswith(".j2") or filename == "<template>"


def _line_tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
    if event == "line":
        _budget.check_time()
        for name, value in frame.f_locals.items():
            _budget.check_size(value, f"the value of {name.split('_', 2)[-1]!r}")
    return _line_tracer


def _call_tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
    return _line_tracer if _is_template_code(frame) else None


def render_limited(template: Template, context: Mapping[str, Any], limits: RenderLimits = DEFAULT_LIMITS) -> str:
    """Render with the limits; raises TemplateLimitError (or the template's own errors)."""
    previous_limits, previous_deadline = _budget.limits, _budget.deadline
    _budget.limits, _budget.deadline = limits, time.monotonic() + limits.seconds
    previous_trace = sys.gettrace()
    sys.settrace(_call_tracer)
    try:
        return _collect(template.generate(**context), limits)
    finally:
        sys.settrace(previous_trace)
        _budget.limits, _budget.deadline = previous_limits, previous_deadline


def _collect(chunks: Iterator[str], limits: RenderLimits) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limits.output:
            raise TemplateLimitError(f"the output is larger than the size limit of {limits.output:,} characters")
        parts.append(chunk)
    return "".join(parts)
