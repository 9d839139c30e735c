"""Checking records against the population registry: client, pre-checks, comparison, the check run."""

from desktop.registry.check import CheckResult, check_records

__all__ = ["CheckResult", "check_records"]
