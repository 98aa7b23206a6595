from collections.abc import Collection

from odoo import fields, models
from odoo.fields import Domain

from .res_partner import NEGATIONS, PROFILING_GROUP


class CrmLead(models.Model):
    """Leads are selected by the profiles of their partner.

    ``profiling_segment_ids`` lets a mailing or an automation rule on leads
    target a segment exactly as one on contacts does.
    """

    _inherit = "crm.lead"

    profiling_segment_ids = fields.Many2many(
        "crm.profiling.segment",
        string="Profiling Segments",
        compute="_compute_profiling_segment_ids",
        search="_search_profiling_segment_ids",
        groups=PROFILING_GROUP,
    )

    def _compute_profiling_segment_ids(self):
        for lead in self:
            lead.profiling_segment_ids = lead.partner_id.profiling_segment_ids

    def _search_profiling_segment_ids(self, operator, value):
        negated = operator in NEGATIONS
        operator = NEGATIONS.get(operator, operator)
        if operator == "in" and isinstance(value, Collection):
            value = list(value)
        domain = Domain(
            "partner_id",
            "any",
            self.env["res.partner"]._search_profiling_segment_ids(operator, value),
        )
        return ~domain if negated else domain
