"""Weekly update drafts: composed from the week's local data, rendered through sandboxed
templates, exported as Markdown, HTML, plain text or an unsent e-mail; and the advisor's notes.

No Qt here: PDF export and the editor live in `advisor_app.gui`.
"""

from advisor_app.errors import AdvisorError


class DraftError(AdvisorError):
    """A draft that cannot be made, saved or exported as asked; the message says why."""
