"""Renderers: report objects in, text out. Nothing here computes a finding."""
