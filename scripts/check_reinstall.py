"""Uninstall and reinstall the addon on a database holding profiling data.

Checks that uninstalling leaves no table, column, view, field, menu or
external id of the addon behind, that the core views it extended still load,
and that installing it again works and brings the seed data back. Called by
``make test`` on a copy of the test database.

Usage: check_reinstall.py ODOO_BIN CONFIG DATABASE
"""

import subprocess
import sys

import psycopg2

ADDON = "crm_profilazione"

# Data a real database would hold when someone uninstalls the addon.
POPULATE = """
from odoo import Command
value = env.ref("crm_profilazione.crm_profiling_average_order_over_5000")
partners = env["res.partner"].create(
    [{"name": f"Reinstall {i}", "email": f"r{i}@example.com"} for i in range(20)]
)
env["crm.profiling.line"].create(
    [{"partner_id": p.id, "profiling_id": value.profiling_id.id,
      "number_value": 6000 + i} for i, p in enumerate(partners)]
)
partners[:5].profiling_line_ids.number_value = 10
segment = env["crm.profiling.segment"].create({
    "name": "Reinstall segment",
    "rule_ids": [Command.create({
        "profiling_id": value.profiling_id.id, "operator": "has_any",
        "value_ids": [Command.set(value.ids)]})],
})
lead = env["crm.lead"].create({"name": "Reinstall lead", "partner_id": partners[0].id})
env["crm.profiling.line"].create({
    "lead_id": lead.id, "profiling_id": value.profiling_id.id, "number_value": 7000})
env["mailing.mailing"].create({
    "subject": "Reinstall mailing",
    "mailing_model_id": env["ir.model"]._get("res.partner").id,
    "mailing_domain": repr(segment._get_member_domain()),
})
partners[:3].activity_schedule("mail.mail_activity_data_call")
env.cr.commit()
print("populated")
"""

# The core views the addon extends must still load once it is gone.
VIEWS_LOAD = """
for model in ("res.partner", "crm.lead", "mail.activity", "mailing.mailing"):
    env[model].get_views([(False, "form"), (False, "list"), (False, "search")])
print("views load")
"""


def odoo(odoo_bin, config, database, *args, stdin=None):
    """Run odoo-bin, fail with its output when it fails or logs an error."""
    command = [sys.executable, odoo_bin, *args, "-c", config, "-d", database]
    result = subprocess.run(
        command, input=stdin, text=True, capture_output=True, check=False
    )
    errors = [line for line in result.stderr.splitlines() if " ERROR " in line]
    if result.returncode or errors:
        sys.exit(f"odoo-bin {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def leftovers(database):
    """Everything the addon may leave behind, as (kind, names) pairs."""
    extended = "('res.partner', 'crm.lead', 'mail.activity', 'mailing.mailing')"
    queries = {
        "tables": "SELECT table_name FROM information_schema.tables "
        "WHERE table_name LIKE 'crm\\_profiling%%'",
        "columns": "SELECT table_name || '.' || column_name "
        "FROM information_schema.columns WHERE column_name LIKE 'profiling\\_%%' "
        "AND table_name IN ('res_partner', 'crm_lead', 'mail_activity', "
        "'mailing_mailing')",
        "external ids": "SELECT model || ' ' || name FROM ir_model_data "
        "WHERE module = %s",
        "fields": "SELECT model || '.' || name FROM ir_model_fields "
        "WHERE model LIKE 'crm.profiling%%' OR (name LIKE 'profiling\\_%%' "
        f"AND model IN {extended})",
        "views": "SELECT name FROM ir_ui_view WHERE arch_db::text LIKE "
        "'%%crm_profilazione%%' OR arch_db::text LIKE '%%profiling\\_line\\_ids%%'",
        "actions": "SELECT name::text FROM ir_act_window "
        "WHERE res_model LIKE 'crm.profiling%%'",
        "rules": "SELECT r.name FROM ir_rule r JOIN ir_model m ON m.id = r.model_id "
        "WHERE m.model LIKE 'crm.profiling%%'",
    }
    found = []
    with psycopg2.connect(dbname=database) as connection:
        cursor = connection.cursor()
        for kind, query in queries.items():
            cursor.execute(query, [ADDON] if "%s" in query else None)
            names = [row[0] for row in cursor.fetchall()]
            if names:
                found.append((kind, names))
    return found


def main():
    odoo_bin, config, database = sys.argv[1:4]
    print(odoo(odoo_bin, config, database, "shell", stdin=POPULATE).strip())
    odoo(odoo_bin, config, database, "module", "uninstall", ADDON)
    remaining = leftovers(database)
    if remaining:
        sys.exit(f"uninstalling {ADDON} left behind: {remaining}")
    print("    uninstalled: nothing left behind")
    print("    " + odoo(odoo_bin, config, database, "shell", stdin=VIEWS_LOAD).strip())
    odoo(odoo_bin, config, database, "module", "install", ADDON)
    check = 'print(env.ref("crm_profilazione.crm_profiling_average_order").code)'
    code = odoo(odoo_bin, config, database, "shell", stdin=check).strip()
    if code != "IMP_MEDIO":
        sys.exit(f"seed data missing after reinstalling {ADDON}: {code!r}")
    print("    reinstalled: seed data back")


if __name__ == "__main__":
    main()
