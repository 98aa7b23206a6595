from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain


class CrmProfilingSegment(models.Model):
    """A named, reusable selection of partners by their profiles (segmento).

    A segment stores rules, never members: ``res.partner.profiling_segment_ids``
    turns it into a domain term, so every search that uses it (contact list,
    mailing recipients, activity planning, automation rules, the API)
    evaluates it again at that moment, with the searching user's rights.
    """

    _name = "crm.profiling.segment"
    _inherit = ["mail.thread"]
    _description = "Profiling Segment"
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty to share the segment with every company.",
    )
    # Criteria
    match = fields.Selection(
        [("all", "all rules"), ("any", "any rule")],
        string="Partners Matching",
        required=True,
        default="all",
        tracking=True,
    )
    rule_ids = fields.One2many(
        "crm.profiling.segment.rule", "segment_id", string="Rules", copy=True
    )
    partner_domain = fields.Char(
        string="Contact Filter",
        default="[]",
        tracking=True,
        help="An ordinary contact filter every member must also match, e.g. "
        "companies only, customers only, a tag.",
    )
    snapshot_ids = fields.One2many(
        "crm.profiling.segment.snapshot", "segment_id", string="Size Over Time"
    )
    # Live figures
    partner_count = fields.Integer(
        string="Matching Partners", compute="_compute_partner_count"
    )
    problem = fields.Char(compute="_compute_partner_count")

    @api.depends(
        "match",
        "partner_domain",
        "rule_ids.profiling_id",
        "rule_ids.operator",
        "rule_ids.value_ids",
        "rule_ids.number",
        "rule_ids.number_to",
    )
    def _compute_partner_count(self):
        Partner = self.env["res.partner"]
        for segment in self:
            try:
                segment.partner_count = Partner.search_count(
                    segment._get_partner_domain()
                )
                segment.problem = False
            except (UserError, ValidationError) as error:
                segment.partner_count = 0
                segment.problem = error.args[0]

    @api.constrains("partner_domain")
    def _check_partner_domain(self):
        for segment in self:
            segment._parse_partner_domain()

    @api.constrains("partner_domain", "rule_ids", "match")
    def _check_not_self_referencing(self):
        for segment in self:
            segment._get_partner_domain()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scheduled_mailing(self):
        if "mailing.mailing" not in self.env:
            return
        mailings = (
            self.env["mailing.mailing"]
            .sudo()
            .search(
                [
                    ("profiling_segment_id", "in", self.ids),
                    ("state", "in", ("in_queue", "sending")),
                ]
            )
        )
        if mailings:
            raise UserError(
                self.env._(
                    "Segment %(segment)s is the audience of %(count)s scheduled "
                    "mailing(s), such as %(mailing)s. Cancel them first, or archive "
                    "the segment instead.",
                    segment=mailings[0].profiling_segment_id.name,
                    count=len(mailings),
                    mailing=mailings[0].subject,
                )
            )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_open_partners(self):
        """List the partners matching the segment now."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "res.partner",
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "domain": self._get_member_domain(),
            "context": {"create": False},
        }

    def action_record_size(self):
        """Write down the current size, e.g. before changing the rules."""
        for segment in self:
            self.env["crm.profiling.segment.snapshot"]._record(
                segment, segment.partner_count, "manual"
            )

    def action_plan_activities(self):
        """Open the activity planning wizard targeting this segment."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_profilazione.crm_profiling_activity_plan_action"
        )
        action["context"] = {
            "default_target": "segment",
            "default_segment_id": self.id,
        }
        return action

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_member_domain(self):
        """The stored, literal_eval-safe domain term selecting the members."""
        return [("profiling_segment_ids", "in", self.ids)]

    def _parse_partner_domain(self):
        """Return the extra partner domain as a list, refusing what is not one.

        Mailing domains are read back with ``literal_eval`` when a scheduled
        mailing is sent, so only literal domains are accepted here.
        """
        self.ensure_one()
        try:
            domain = literal_eval(self.partner_domain or "[]")
            Domain(domain)
        except (ValueError, SyntaxError, TypeError) as error:
            raise ValidationError(
                self.env._(
                    "The contact filter of segment %(segment)s is not a valid "
                    "domain: %(error)s",
                    segment=self.name,
                    error=error,
                )
            ) from error
        return domain

    def _get_partner_domain(self):
        """Return the domain on ``res.partner`` that selects the members.

        A contact filter may itself use segments; they are expanded here, so
        that a segment ending up referring to itself is refused instead of
        recursing forever.
        """
        self.ensure_one()
        stack = self.env.context.get("profiling_segment_stack", ())
        if self._origin.id and self._origin.id in stack:
            raise ValidationError(
                self.env._(
                    "Segment %(segment)s refers to itself through its contact filter.",
                    segment=self.name,
                )
            )
        segment = self.with_context(profiling_segment_stack=(*stack, self._origin.id))
        rules = segment._combine_rules()
        extra = Domain(segment._parse_partner_domain()).map_conditions(
            segment._expand_segment_condition
        )
        return rules & extra

    def _expand_segment_condition(self, condition):
        """Replace a condition on segments by the segments' own domains."""
        if condition.field_expr != "profiling_segment_ids":
            return condition
        return self.env["res.partner"]._search_profiling_segment_ids(
            condition.operator, condition.value
        )

    @api.model
    def _get_domain_of_segments(self, segment_ids, model_name="res.partner"):
        """OR of the member domains of ``segment_ids`` on partners or leads.

        Missing ids select nobody: a deleted segment must never widen a
        selection. A mailing addressed to it goes to nobody (and is stopped
        before sending, see ``mailing.mailing``), not to everyone.
        """
        segments = self.sudo().with_context(active_test=False).browse(segment_ids)
        if model_name == "crm.lead":
            domains = [segment._get_lead_domain() for segment in segments.exists()]
        else:
            domains = [segment._get_partner_domain() for segment in segments.exists()]
        return Domain.OR(domains)

    def _get_lead_domain(self):
        """Return the domain on ``crm.lead`` that selects the members.

        A lead is a member when its own profiles, or its partner's, match the
        rules; the contact filter always applies to the lead's partner.
        """
        self.ensure_one()
        own = self._combine_rules("crm.lead")
        extra = self._parse_partner_domain()
        if extra:
            own &= Domain(
                "partner_id",
                "any",
                Domain(extra).map_conditions(self._expand_segment_condition),
            )
        return own | Domain("partner_id", "any", self._get_partner_domain())

    def _combine_rules(self, model_name="res.partner"):
        """AND or OR of the rules, as a domain on ``model_name``."""
        rule_domains = [rule._get_domain(model_name) for rule in self.rule_ids]
        if not rule_domains:
            return Domain.TRUE
        if self.match == "any":
            return Domain.OR(rule_domains)
        return Domain.AND(rule_domains)
