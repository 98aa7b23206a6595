"""Fail when an Odoo log carries a WARNING or ERROR raised by our addon.

Odoo logs install problems (bad view, missing access rule, deprecated
syntax) as warnings and carries on; this turns them into a failed run.
"""

import re
import sys

ADDON = "crm_profilazione"
LEVEL = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")


def offending_lines(path):
    """Yield the log records at WARNING or above that mention the addon."""
    record = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if re.match(r"^\d{4}-\d{2}-\d{2} ", line):
                if record and LEVEL.match(record[0]) and ADDON in "".join(record):
                    yield "".join(record)
                record = []
            record.append(line)
    if record and LEVEL.match(record[0]) and ADDON in "".join(record):
        yield "".join(record)


def main():
    bad = list(offending_lines(sys.argv[1]))
    for entry in bad:
        sys.stderr.write(entry)
    if bad:
        sys.exit(f"{len(bad)} warning(s)/error(s) from {ADDON} in {sys.argv[1]}")
    print(f"    install log clean: {sys.argv[1]}")


if __name__ == "__main__":
    main()
