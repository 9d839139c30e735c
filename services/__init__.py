"""Reference servers for the upstream parties, sharing the Qt-free core."""
