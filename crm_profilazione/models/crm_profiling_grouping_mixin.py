from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmProfilingGroupingMixin(models.AbstractModel):
    """What types and families share: they group characteristics.

    The inheriting model defines ``profiling_ids``, the characteristics it
    groups; a grouping still in use cannot be deleted, only archived.
    """

    _name = "crm.profiling.grouping.mixin"
    _inherit = ["crm.profiling.taxonomy.mixin"]
    _description = "Profiling Grouping Mixin"

    profiling_count = fields.Integer(compute="_compute_profiling_count")

    def _compute_profiling_count(self):
        for grouping in self:
            grouping.profiling_count = len(grouping.profiling_ids)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("profiling_ids")
        if used:
            raise UserError(
                self.env._(
                    "%(kind)s %(name)s still groups %(count)s characteristic(s) and "
                    "cannot be deleted. Move them first, or archive it.",
                    kind=self.env["ir.model"]._get(self._name).name,
                    name=used[0].display_name,
                    count=len(used[0].profiling_ids),
                )
            )
