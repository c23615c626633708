"""Modules generated from the Designer forms in ui/ by `make forms`. Do not edit."""
