"""Rendering helpers shared by the page families: escaping, formatting, labels, Mermaid."""
