from odoo import fields, models, tools
from odoo.tools import SQL

RECORD_KINDS = [
    ("partner", "Partner"),
    ("lead", "Lead"),
]


class CrmProfilingReport(models.Model):
    """Profiling analysis: one row per current profile and value.

    A SQL view over ``crm.profiling.line`` and its values rather than a
    stored table: the report is always the live profile, with no copy to
    refresh that could drift from it. A profile with several values gives
    one row per value, so counting rows by value counts the profiles that
    hold each value; a profile without values (presence, text, a number
    with no ranges) gives one row with no value. The "Partners" and "Leads"
    measures count distinct records, so a partner with two values of one
    characteristic is counted once for that characteristic.

    Salesperson and country are the partner's for partner profiles and the
    lead's for lead profiles; customer and vendor describe the profiled
    partner only. Profiles of archived partners and of archived (lost)
    leads are hidden unless archived records are searched for.
    """

    _name = "crm.profiling.report"
    _description = "Profiling Analysis"
    _auto = False
    _rec_name = "profiling_id"
    _order = "profiling_id, value_id, id"
    # What the view reads: pending changes to these are flushed before any
    # search, so the report shows them within the same transaction too.
    _depends = {
        "crm.profiling.line": [
            "partner_id",
            "lead_id",
            "profiling_id",
            "value_ids",
            "type_id",
            "family_id",
            "company_id",
            "number_value",
            "profiled_on",
        ],
        "crm.profiling": ["value_mode"],
        "res.partner": [
            "user_id",
            "country_id",
            "customer_rank",
            "supplier_rank",
            "active",
        ],
        "crm.lead": ["user_id", "country_id", "active"],
    }

    line_id = fields.Many2one("crm.profiling.line", string="Profile", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    lead_id = fields.Many2one("crm.lead", readonly=True)
    record_kind = fields.Selection(RECORD_KINDS, string="Record Type", readonly=True)
    profiling_id = fields.Many2one(
        "crm.profiling", string="Characteristic", readonly=True
    )
    value_id = fields.Many2one("crm.profiling.value", readonly=True)
    type_id = fields.Many2one("crm.profiling.type", readonly=True)
    family_id = fields.Many2one("crm.profiling.family", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    is_customer = fields.Boolean(string="Customer", readonly=True)
    is_supplier = fields.Boolean(string="Vendor", readonly=True)
    number_value = fields.Float(string="Number", readonly=True, aggregator="avg")
    profiled_on = fields.Date(readonly=True)
    active = fields.Boolean(readonly=True)
    # Measures: the profiled record's id, counted once per group
    partner_count = fields.Integer(
        string="Partners", readonly=True, aggregator="count_distinct"
    )
    lead_count = fields.Integer(
        string="Leads", readonly=True, aggregator="count_distinct"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT
                        ROW_NUMBER() OVER (ORDER BY l.id, rel.value_id) AS id,
                        l.id AS line_id,
                        l.partner_id,
                        l.lead_id,
                        CASE WHEN l.partner_id IS NOT NULL
                            THEN 'partner' ELSE 'lead'
                        END AS record_kind,
                        l.profiling_id,
                        rel.value_id,
                        l.type_id,
                        l.family_id,
                        l.company_id,
                        COALESCE(p.user_id, ld.user_id) AS user_id,
                        COALESCE(p.country_id, ld.country_id) AS country_id,
                        COALESCE(p.customer_rank, 0) > 0 AS is_customer,
                        COALESCE(p.supplier_rank, 0) > 0 AS is_supplier,
                        CASE WHEN pr.value_mode = 'number'
                            THEN l.number_value
                        END AS number_value,
                        l.profiled_on,
                        COALESCE(p.active, ld.active, TRUE) AS active,
                        l.partner_id AS partner_count,
                        l.lead_id AS lead_count
                    FROM crm_profiling_line l
                    JOIN crm_profiling pr ON pr.id = l.profiling_id
                    LEFT JOIN crm_profiling_line_value_rel rel ON rel.line_id = l.id
                    LEFT JOIN res_partner p ON p.id = l.partner_id
                    LEFT JOIN crm_lead ld ON ld.id = l.lead_id
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def action_open_profiled_record(self):
        """Open the partner (or lead) behind this row: the list's drill-down."""
        self.ensure_one()
        record = self.partner_id or self.lead_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "views": [(False, "form")],
            "target": "current",
        }
