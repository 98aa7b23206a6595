from odoo import fields, models


class CrmProfilingType(models.Model):
    """Broadest grouping of characteristics (tipologia), e.g. "Commercial data"."""

    _name = "crm.profiling.type"
    _inherit = ["crm.profiling.grouping.mixin"]
    _description = "Profiling Type"

    family_ids = fields.One2many("crm.profiling.family", "type_id", string="Families")
    profiling_ids = fields.One2many(
        "crm.profiling", "type_id", string="Characteristics"
    )

    _code_company_uniq = models.UniqueIndex(
        "(lower(code), COALESCE(company_id, 0)) WHERE code IS NOT NULL",
        "A profiling type with this code already exists in this company.",
    )
