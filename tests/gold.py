"""The judge's scoring (policyparse.evaluate), for the tests."""

from policyparse.evaluate import PRF, score  # noqa: F401
