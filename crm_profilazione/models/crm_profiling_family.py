from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmProfilingFamily(models.Model):
    """A group of related characteristics (famiglia), e.g. "Purchase habits".

    A family may name the type it usually belongs to; characteristics that
    name both a type and this family must then agree with it.
    """

    _name = "crm.profiling.family"
    _inherit = ["crm.profiling.taxonomy.mixin"]
    _description = "Profiling Family"

    type_id = fields.Many2one(
        "crm.profiling.type",
        index=True,
        ondelete="set null",
        help="The type this family belongs to, if any.",
    )
    profiling_ids = fields.One2many(
        "crm.profiling", "family_id", string="Characteristics"
    )
    profiling_count = fields.Integer(compute="_compute_profiling_count")

    _code_company_uniq = models.UniqueIndex(
        "(lower(code), COALESCE(company_id, 0)) WHERE code IS NOT NULL",
        "A profiling family with this code already exists in this company.",
    )

    @api.depends("profiling_ids")
    def _compute_profiling_count(self):
        for family in self:
            family.profiling_count = len(family.profiling_ids)

    @api.constrains("type_id")
    def _check_type_matches_characteristics(self):
        for family in self.filtered("type_id"):
            clashing = family.profiling_ids.filtered(
                lambda p, family=family: p.type_id and p.type_id != family.type_id
            )
            if clashing:
                raise ValidationError(
                    self.env._(
                        "Family %(family)s cannot belong to type %(type)s: "
                        "characteristic %(profiling)s of this family has type "
                        "%(other)s.",
                        family=family.display_name,
                        type=family.type_id.display_name,
                        profiling=clashing[0].display_name,
                        other=clashing[0].type_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("profiling_ids")
        if used:
            raise UserError(
                self.env._(
                    "Family %(name)s still groups %(count)s characteristic(s) and "
                    "cannot be deleted. Move them first, or archive it.",
                    name=used[0].display_name,
                    count=len(used[0].profiling_ids),
                )
            )
