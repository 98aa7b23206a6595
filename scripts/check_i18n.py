"""Fail when the code has strings the committed translations lack.

Compares a template freshly exported from the test database with the
committed ``.pot`` and ``it.po``: every source string must be in both and
translated, and placeholders must match.

Usage: check_i18n.py FRESH_POT COMMITTED_POT IT_PO
"""

import re
import sys

import polib

PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%s")


def main():
    fresh, committed, italian = (polib.pofile(path) for path in sys.argv[1:4])
    wanted = {entry.msgid for entry in fresh}
    problems = []
    missing_pot = wanted - {entry.msgid for entry in committed}
    if missing_pot:
        problems.append(f"{len(missing_pot)} string(s) missing from the .pot")
    translated = {e.msgid: e for e in italian.translated_entries() if not e.obsolete}
    missing_it = sorted(wanted - set(translated))
    if missing_it:
        problems.append(
            f"{len(missing_it)} string(s) untranslated in it.po, e.g. {missing_it[:3]}"
        )
    for msgid in wanted & set(translated):
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(
            PLACEHOLDER.findall(translated[msgid].msgstr)
        ):
            problems.append(f"placeholders differ in it.po for {msgid!r}")
    if problems:
        sys.exit(
            "Translations out of date (run make i18n):\n  " + "\n  ".join(problems)
        )
    print(f"    translations complete: {len(wanted)} strings")


if __name__ == "__main__":
    main()
