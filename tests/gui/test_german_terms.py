"""The German catalog calls an account the same everywhere: "Kunde" (the accounts list's word), never "Konto"."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from advisor_app.domain.resources import resource_path


def test_an_account_is_a_kunde_in_every_german_text() -> None:
    root = ElementTree.parse(resource_path("i18n", "advisor_desk_de.ts")).getroot()
    translations = [element.text or "" for element in root.iter("translation")]
    assert any(re.search(r"\bKunden?\b", text) for text in translations)
    assert [text for text in translations if re.search(r"Konto|Konten", text)] == []
