"""Weekly update drafts in the window: the composer, the batch dialog, the notes tab.

Their background work runs on `gui.tasks.drafts_pool()`."""
