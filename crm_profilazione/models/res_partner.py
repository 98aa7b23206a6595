from odoo import fields, models

from .crm_profiling_profiled_mixin import PROFILING_GROUP


class ResPartner(models.Model):
    """Partners carry their profiles and can be searched by them."""

    _name = "res.partner"
    _inherit = ["res.partner", "crm.profiling.profiled.mixin"]

    profiling_line_ids = fields.One2many(
        "crm.profiling.line",
        "partner_id",
        string="Profiles",
        groups=PROFILING_GROUP,
    )
    profiling_history_ids = fields.One2many(
        "crm.profiling.history",
        "partner_id",
        groups=PROFILING_GROUP,
    )

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
