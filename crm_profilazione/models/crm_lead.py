import logging

from odoo import api, fields, models
from odoo.fields import Domain

from .crm_profiling_profiled_mixin import PROFILING_GROUP

_logger = logging.getLogger(__name__)


class CrmLead(models.Model):
    """Leads carry profiles of their own and keep them on conversion.

    Sales people learn most about a prospect while it is a lead; when the lead
    is linked to a partner (conversion wizard, mass conversion, "create
    customer", or simply setting the customer) its profiles are carried over
    to that partner. Searches on a lead's profile match its own profiles or
    its partner's.
    """

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.profiling.profiled.mixin"]

    profiling_line_ids = fields.One2many(
        "crm.profiling.line",
        "lead_id",
        string="Profiles",
        groups=PROFILING_GROUP,
    )
    partner_profiling_line_ids = fields.One2many(
        related="partner_id.profiling_line_ids",
        string="Customer Profiles",
        readonly=True,
    )
    profiling_history_ids = fields.One2many(
        "crm.profiling.history",
        "lead_id",
        groups=PROFILING_GROUP,
    )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._carry_profiles_to_partner()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if vals.get("partner_id"):
            self._carry_profiles_to_partner()
        return result

    # ------------------------------------------------------------
    # Search
    # ------------------------------------------------------------

    @api.model
    def _profiles_domain(self, line_field, operator, value):
        """A lead matches through its own profiles or its partner's."""
        own = super()._profiles_domain(line_field, operator, value)
        partner = self.env["res.partner"]._profiles_domain(line_field, operator, value)
        return own | Domain("partner_id", "any", partner)

    # ------------------------------------------------------------
    # Conversion
    # ------------------------------------------------------------

    def _carry_profiles_to_partner(self):
        """Copy the leads' profiles onto their partners.

        A characteristic the partner lacks is added; one it already has keeps
        the more recent answer. The partner's profile records which lead it
        came from.
        """
        for lead in self.sudo().filtered(
            lambda lead: lead.partner_id and lead.profiling_line_ids
        ):
            added, changed = lead.profiling_line_ids._merge_into(
                "partner_id",
                lead.partner_id,
                {"source": "lead", "origin_lead_id": lead.id},
            )
            _logger.debug(
                "Lead %s: %s profile(s) added to and %s changed on its partner",
                lead.id,
                added,
                changed,
            )

    def _merge_dependences(self, opportunities):
        """Keep the profiles and profiling history of merged opportunities."""
        result = super()._merge_dependences(opportunities)
        others = opportunities.sudo()
        others.profiling_line_ids._merge_into("lead_id", self.sudo())
        others.profiling_history_ids.write({"lead_id": self.id})
        return result
