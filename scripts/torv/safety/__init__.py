"""Torv's security rules: what content may contain, checked before a build and enforced after rendering."""
