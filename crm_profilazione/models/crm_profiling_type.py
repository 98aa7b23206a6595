from odoo import api, fields, models


class CrmProfilingType(models.Model):
    """Broadest grouping of characteristics (tipologia), e.g. "Commercial data"."""

    _name = "crm.profiling.type"
    _inherit = ["crm.profiling.taxonomy.mixin"]
    _description = "Profiling Type"

    family_ids = fields.One2many("crm.profiling.family", "type_id", string="Families")
    profiling_ids = fields.One2many(
        "crm.profiling", "type_id", string="Characteristics"
    )
    profiling_count = fields.Integer(compute="_compute_profiling_count")

    _code_company_uniq = models.UniqueIndex(
        "(lower(code), COALESCE(company_id, 0)) WHERE code IS NOT NULL",
        "A profiling type with this code already exists in this company.",
    )

    @api.depends("profiling_ids")
    def _compute_profiling_count(self):
        for profiling_type in self:
            profiling_type.profiling_count = len(profiling_type.profiling_ids)
