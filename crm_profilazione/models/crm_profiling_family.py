from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmProfilingFamily(models.Model):
    """A group of related characteristics (famiglia), e.g. "Purchase habits".

    A family may name the type it usually belongs to; characteristics that
    name both a type and this family must then agree with it.
    """

    _name = "crm.profiling.family"
    _inherit = ["crm.profiling.grouping.mixin"]
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

    _code_company_uniq = models.UniqueIndex(
        "(lower(code), COALESCE(company_id, 0)) WHERE code IS NOT NULL",
        "A profiling family with this code already exists in this company.",
    )

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
