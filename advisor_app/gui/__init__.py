"""Everything Qt: windows, views, models, delegates, dialogs, theme. The only package that imports PySide6."""
