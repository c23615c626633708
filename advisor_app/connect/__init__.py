"""Connecting a workspace to a source: choosing and probing it, connecting, switching and signing
out, the first sync, and the account rule shown and edited."""
