"""The `advisor-app` command line: the entry point (GUI and headless commands), its reports,
the draft command and the self-test."""
