"""Thought-partner collaboratives: services, forms, shareable providers, export, home section."""
