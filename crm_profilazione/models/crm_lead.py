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
        the more recent answer (by profiling date, then by last change). The
        partner's profile records which lead it came from.
        """
        Line = self.env["crm.profiling.line"].sudo()
        leads = self.sudo().filtered(lambda lead: lead.partner_id)
        lines = leads.profiling_line_ids
        if not lines:
            return
        to_create = []
        updated = 0
        for lead in leads:
            partner_lines = {
                line.profiling_id: line for line in lead.partner_id.profiling_line_ids
            }
            for line in lead.profiling_line_ids:
                answer = line._get_answer_vals()
                answer.update(source="lead", origin_lead_id=lead.id)
                current = partner_lines.get(line.profiling_id)
                if not current:
                    to_create.append(
                        {
                            **answer,
                            "partner_id": lead.partner_id.id,
                            "profiling_id": line.profiling_id.id,
                        }
                    )
                elif (line.profiled_on, line.write_date) > (
                    current.profiled_on,
                    current.write_date,
                ):
                    current.write(answer)
                    updated += 1
        Line.create(to_create)
        _logger.debug(
            "Lead conversion: %s profile(s) added to and %s updated on %s partner(s)",
            len(to_create),
            updated,
            len(leads.partner_id),
        )
