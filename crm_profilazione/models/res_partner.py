from odoo import api, fields, models
from odoo.fields import Domain

from .crm_profiling_profiled_mixin import PROFILING_GROUP


class ResPartner(models.Model):
    """Partners carry their profiles and can be searched by them.

    The partner's values are also stored as a plain partner-value relation,
    recomputed by the ORM whenever a profile changes: searching partners by
    value then costs what searching them by tag costs, on 100,000 partners
    and more. Profiles stay the source of truth; the relation is derived.
    """

    _name = "res.partner"
    _inherit = ["res.partner", "crm.profiling.profiled.mixin"]

    profiling_line_ids = fields.One2many(
        "crm.profiling.line",
        "partner_id",
        string="Profiles",
        groups=PROFILING_GROUP,
    )
    profiling_value_ids = fields.Many2many(
        "crm.profiling.value",
        "crm_profiling_value_res_partner_rel",
        "partner_id",
        "value_id",
        store=True,
        search=None,
    )
    profiling_history_ids = fields.One2many(
        "crm.profiling.history",
        "partner_id",
        groups=PROFILING_GROUP,
    )

    @api.model
    def _profiles_domain(self, line_field, operator, value):
        if line_field == "value_ids":
            return Domain("profiling_value_ids", operator, value)
        return super()._profiles_domain(line_field, operator, value)

    def action_open_profiling_lines(self):
        """Open this partner's profiles, grouped by type and family."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_profilazione.crm_profiling_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_group_by_type": 1,
            "search_default_group_by_family": 1,
        }
        return action
