"""The open workspace: its folder, settings, log file, writer lock and file outputs, the desk that
ties store, clock and source together, and syncing its source (here or in a child process)."""
