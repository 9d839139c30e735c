"""Issued certificates: find them, show their detail and history, print them, correct and revoke them."""
