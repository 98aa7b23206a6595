"""Repository-wide pytest policy for the addon's tests.

Odoo skips a browser test silently when Chromium or websocket-client is
missing, and logs problems it tolerates as warnings. Both would let a
broken set-up pass, so this file turns them into failures.
"""

import logging

import pytest

WATCHED_NAMES = ("crm_profilazione", "crm.profiling")


class _AddonWarningCollector(logging.Handler):
    """Remember every WARNING or worse that concerns this addon."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        text = f"{record.name} {record.getMessage()}"
        if any(name in text for name in WATCHED_NAMES):
            self.records.append(text)


_collector = _AddonWarningCollector()


def pytest_configure(config):
    logging.getLogger().addHandler(_collector)


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    problems = []
    if skipped:
        problems.append(
            f"{len(skipped)} test(s) skipped: a test that cannot run must fail "
            "(is Chromium or websocket-client missing?)"
        )
    if _collector.records:
        problems.append(
            f"{len(_collector.records)} warning(s) logged by crm_profilazione:\n  "
            + "\n  ".join(_collector.records[:20])
        )
    if problems:
        for problem in problems:
            print(f"\nFAILED POLICY: {problem}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
