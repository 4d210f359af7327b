"""Renderers: each turns computed state into text for a terminal, a file or another tool."""
