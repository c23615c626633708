"""Which of a source's accounts are the advisor's: a rule, evaluated on every sync.

The rule is "the accounts that name me as their advisor (or carry my tag), plus the ones
I added, minus the ones I removed" (or every account, when asked for explicitly). It is
stored in the workspace settings (`Settings.account_selection`) and evaluated against the
accounts the source lists each time, so an account assigned later arrives by itself and
one reassigned to someone else leaves. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

import msgspec


class AccountSelection(msgspec.Struct, forbid_unknown_fields=False, kw_only=True):
    """The advisor's accounts as a rule, as stored in the workspace settings (`Settings.account_selection`)."""

    advisors: list[str] = msgspec.field(default_factory=list)
    """Values of the source's named-advisor field that mean the advisor (login, email, full name)."""
    tag: str = ""
    """Zendesk: organizations with this tag are the advisor's too."""
    added: list[str] = msgspec.field(default_factory=list)
    removed: list[str] = msgspec.field(default_factory=list)
    all_accounts: bool = False


class Why(StrEnum):
    """Why an account is in or out of the selection."""

    ALL = "all_accounts"
    ADVISOR = "names_you"
    TAG = "tagged"
    ADDED = "added"
    REMOVED = "removed"
    OTHER_ADVISOR = "names_another_advisor"
    NO_ADVISOR = "names_no_advisor"
    NOT_FOUND = "not_found"
    """Added by the advisor, but the source has no such account (or the token cannot see it)."""


WORDS: dict[Why, str] = {
    Why.ALL: "every account is selected",
    Why.ADVISOR: "names you as its advisor",
    Why.TAG: "carries your tag",
    Why.ADDED: "added by you",
    Why.REMOVED: "removed by you",
    Why.OTHER_ADVISOR: "names another advisor",
    Why.NO_ADVISOR: "names no advisor",
    Why.NOT_FOUND: "added by you, but the source has no such account",
}


@dataclass(frozen=True, slots=True)
class AccountRule:
    advisors: tuple[str, ...] = ()
    """Values of the named-advisor field that mean "me" (a login, an email, a full name)."""
    tag: str = ""
    """Zendesk: organizations carrying this tag are mine too."""
    added: tuple[str, ...] = ()
    """Account ids or names added by hand."""
    removed: tuple[str, ...] = ()
    """Account ids or names removed by hand (they win over everything else)."""
    all_accounts: bool = False

    def describe(self) -> str:
        parts = ["every account" if self.all_accounts else ""]
        if not self.all_accounts and self.advisors:
            parts.append("those naming " + " or ".join(repr(a) for a in self.advisors) + " as advisor")
        if not self.all_accounts and self.tag:
            parts.append(f"those tagged {self.tag!r}")
        text = ", ".join(p for p in parts if p) or "no account"
        if self.added:
            text += ", plus " + ", ".join(self.added)
        if self.removed:
            text += ", minus " + ", ".join(self.removed)
        return text

    def selects_anything(self) -> bool:
        return self.all_accounts or bool(self.advisors or self.tag or self.added)


EVERY_ACCOUNT = AccountRule(all_accounts=True)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An account as the source lists it, before the rule."""

    remote_id: str
    name: str
    named_advisor: str = ""
    tags: tuple[str, ...] = ()
    problem: str = ""
    """Why the account's data cannot be synced (an unknown tier, a missing field); empty when it can."""


@dataclass(frozen=True, slots=True)
class Verdict:
    remote_id: str
    name: str
    named_advisor: str
    included: bool
    why: Why
    problem: str = ""

    @property
    def reason(self) -> str:
        text = WORDS[self.why]
        if self.why in (Why.ADVISOR, Why.OTHER_ADVISOR) and self.named_advisor:
            text += f" ({self.named_advisor})"
        return text


@runtime_checkable
class ListsAccounts(Protocol):
    """A source that can list every account with the rule's verdict on it (RT, Zendesk)."""

    def account_selection(self) -> list[Verdict]: ...


def _key(text: str) -> str:
    return text.strip().casefold()


def _matches(entries: Iterable[str], candidate: Candidate) -> bool:
    keys = {_key(e) for e in entries} - {""}
    return _key(candidate.remote_id) in keys or _key(candidate.name) in keys


def verdict(rule: AccountRule, candidate: Candidate) -> Verdict:
    def judged(included: bool, why: Why) -> Verdict:
        c = candidate
        return Verdict(c.remote_id, c.name, c.named_advisor, included, why, c.problem)

    if _matches(rule.removed, candidate):
        return judged(False, Why.REMOVED)
    if rule.all_accounts:
        return judged(True, Why.ALL)
    advisor = _key(candidate.named_advisor)
    if advisor and advisor in {_key(a) for a in rule.advisors}:
        return judged(True, Why.ADVISOR)
    if rule.tag and _key(rule.tag) in {_key(t) for t in candidate.tags}:
        return judged(True, Why.TAG)
    if _matches(rule.added, candidate):
        return judged(True, Why.ADDED)
    return judged(False, Why.OTHER_ADVISOR if advisor else Why.NO_ADVISOR)


def chosen_ids(verdicts: Iterable[Verdict]) -> frozenset[str]:
    """The remote ids of the accounts the rule selects (and the source has)."""
    return frozenset(v.remote_id for v in verdicts if v.included and v.why is not Why.NOT_FOUND)


def evaluate(rule: AccountRule, candidates: Sequence[Candidate]) -> list[Verdict]:
    """One verdict per candidate, plus one (out, NOT_FOUND) per added entry no candidate matches."""
    verdicts = [verdict(rule, c) for c in candidates]
    for entry in rule.added:
        if not any(_matches([entry], c) for c in candidates) and not _matches(rule.removed, Candidate(entry, entry)):
            verdicts.append(Verdict(entry, entry, "", False, Why.NOT_FOUND))
    return sorted(verdicts, key=lambda v: (not v.included, v.name.casefold(), v.remote_id))


def add(selection: AccountSelection, name: str) -> AccountSelection:
    """The selection with `name` added (and no longer removed)."""
    name = name.strip()
    removed = [r for r in selection.removed if _key(r) != _key(name)]
    added = [*selection.added] if any(_key(a) == _key(name) for a in selection.added) else [*selection.added, name]
    return AccountSelection(
        advisors=list(selection.advisors),
        tag=selection.tag,
        added=added,
        removed=removed,
        all_accounts=selection.all_accounts,
    )


def remove(selection: AccountSelection, name: str) -> AccountSelection:
    """The selection with `name` removed (and no longer added)."""
    name = name.strip()
    added = [a for a in selection.added if _key(a) != _key(name)]
    removed = (
        [*selection.removed] if any(_key(r) == _key(name) for r in selection.removed) else [*selection.removed, name]
    )
    return AccountSelection(
        advisors=list(selection.advisors),
        tag=selection.tag,
        added=added,
        removed=removed,
        all_accounts=selection.all_accounts,
    )


__all__ = [
    "EVERY_ACCOUNT",
    "AccountRule",
    "AccountSelection",
    "Candidate",
    "Verdict",
    "Why",
    "add",
    "chosen_ids",
    "evaluate",
    "remove",
    "verdict",
]
