"""Sync: providers yield typed pages; the engine writes them to the store."""
