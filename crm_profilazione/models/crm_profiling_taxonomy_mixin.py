from odoo import api, fields, models


class CrmProfilingTaxonomyMixin(models.AbstractModel):
    """Fields shared by every level of the profiling taxonomy.

    Types, families and characteristics are all configured by consultants
    the same way: a translatable name, a short code, a description, an
    order, an archive flag and an optional company (empty = shared).
    """

    _name = "crm.profiling.taxonomy.mixin"
    _description = "Profiling Taxonomy Mixin"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Short identifier, unique per company regardless of case. "
        "Imports and integrations refer to records by this code.",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the record with every company.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_code(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_code(vals)
        return super().write(vals)

    @api.model
    def _normalize_code(self, vals):
        """Strip codes typed or imported with stray spaces.

        Uniqueness is enforced case-insensitively in SQL; trailing blanks
        would otherwise make " A1" and "A1" two different codes.
        """
        if isinstance(vals.get("code"), str):
            vals["code"] = vals["code"].strip() or False
