"""Loaders: text from outside sources in, apmbc records out."""
