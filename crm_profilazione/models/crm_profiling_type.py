from odoo import api, fields, models
from odoo.exceptions import UserError


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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("profiling_ids")
        if used:
            raise UserError(
                self.env._(
                    "Type %(name)s still groups %(count)s characteristic(s) and "
                    "cannot be deleted. Move them first, or archive it.",
                    name=used[0].display_name,
                    count=len(used[0].profiling_ids),
                )
            )
