"""The account selection rule: who is in, who is out, and why."""

from __future__ import annotations

from advisor_app.sync.selection import AccountRule, AccountSelection, Candidate, Why, add, evaluate, remove
from advisor_app.workspace.settings import Settings, rule_of

CANDIDATES = [
    Candidate("ACME", "Acme Corp", "Ada Lovelace"),
    Candidate("GLOBEX", "Globex GmbH", "Bob Baker"),
    Candidate("INITECH", "Initech", "", tags=("advisor-ada",)),
    Candidate("BROKEN", "Broken Ltd", "ada lovelace", problem="custom field 'Tier': 'diamond' is not a known tier"),
    Candidate("UMBRELLA", "Umbrella", "Ada Lovelace"),
]


def judged(rule: AccountRule) -> dict[str, tuple[bool, Why]]:
    return {v.remote_id: (v.included, v.why) for v in evaluate(rule, CANDIDATES)}


def test_naming_me_plus_added_minus_removed() -> None:
    rule = AccountRule(advisors=("Ada Lovelace",), added=("globex gmbh", "NOPE"), removed=("umbrella",))
    assert judged(rule) == {
        "ACME": (True, Why.ADVISOR),
        "GLOBEX": (True, Why.ADDED),  # by name, any case
        "INITECH": (False, Why.NO_ADVISOR),
        "BROKEN": (True, Why.ADVISOR),  # bad data is still mine: listed, set aside with the reason
        "UMBRELLA": (False, Why.REMOVED),
        "NOPE": (False, Why.NOT_FOUND),
    }
    broken = next(v for v in evaluate(rule, CANDIDATES) if v.remote_id == "BROKEN")
    assert "'diamond'" in broken.problem and broken.reason == "names you as its advisor (ada lovelace)"


def test_a_tag_and_every_account() -> None:
    assert judged(AccountRule(tag="ADVISOR-ADA"))["INITECH"] == (True, Why.TAG)
    assert judged(AccountRule(tag="advisor-ada"))["GLOBEX"] == (False, Why.OTHER_ADVISOR)
    everything = judged(AccountRule(all_accounts=True, removed=("ACME",)))
    assert everything["ACME"] == (False, Why.REMOVED)
    assert all(included for key, (included, _) in everything.items() if key != "ACME")


def test_editing_moves_an_account_between_added_and_removed() -> None:
    selection = AccountSelection(advisors=["ada"], added=["X"])
    selection = remove(selection, "x")
    assert selection.added == [] and selection.removed == ["x"]
    selection = add(add(selection, "X"), "X")
    assert selection.added == ["X"] and selection.removed == []
    assert selection.advisors == ["ada"]


def test_workspaces_connected_before_the_rule_keep_their_choice() -> None:
    assert rule_of(Settings(source_kind="rt")) == AccountRule(all_accounts=True)
    assert rule_of(Settings(source_kind="rt", rt_accounts=["A"])) == AccountRule(added=("A",))
    assert rule_of(Settings(source_kind="zendesk", zendesk_org_ids=[7], zendesk_org_tag="t")) == AccountRule(
        tag="t", added=("7",)
    )
    chosen = Settings(source_kind="rt", rt_accounts=["A"], account_selection=AccountSelection(advisors=["ada"]))
    assert rule_of(chosen) == AccountRule(advisors=("ada",))
