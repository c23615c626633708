"""A real Request Tracker 5 on loopback for the RT sync provider's integration tests (see NOTES.md)."""
