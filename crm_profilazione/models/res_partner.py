from collections.abc import Collection

from odoo import api, fields, models
from odoo.fields import Domain

PROFILING_GROUP = "crm_profilazione.group_profiling_user"
NEGATIONS = {
    "!=": "=",
    "not in": "in",
    "not like": "like",
    "not ilike": "ilike",
    "not =like": "=like",
    "not =ilike": "=ilike",
    "not any": "any",
}


class ResPartner(models.Model):
    """Partners carry their profiles and can be searched by them.

    The search-only fields below turn profiles into ordinary domain terms, so
    the contact list, mailing recipients, automation rules and the external
    API all select partners by profile with no special code.
    """

    _inherit = "res.partner"

    profiling_line_ids = fields.One2many(
        "crm.profiling.line",
        "partner_id",
        string="Profiles",
        groups=PROFILING_GROUP,
    )
    profiling_count = fields.Integer(
        string="Profile Count",
        compute="_compute_profiling_count",
        groups=PROFILING_GROUP,
    )
    profiling_value_ids = fields.Many2many(
        "crm.profiling.value",
        string="Profiling Values",
        compute="_compute_profiling_value_ids",
        search="_search_profiling_value_ids",
        groups=PROFILING_GROUP,
    )
    profiling_ids = fields.Many2many(
        "crm.profiling",
        string="Profiled Characteristics",
        compute="_compute_profiling_value_ids",
        search="_search_profiling_ids",
        groups=PROFILING_GROUP,
    )
    profiling_type_ids = fields.Many2many(
        "crm.profiling.type",
        string="Profiling Types",
        compute="_compute_profiling_value_ids",
        search="_search_profiling_type_ids",
        groups=PROFILING_GROUP,
    )
    profiling_segment_ids = fields.Many2many(
        "crm.profiling.segment",
        string="Profiling Segments",
        compute="_compute_profiling_segment_ids",
        search="_search_profiling_segment_ids",
        groups=PROFILING_GROUP,
    )
    profiling_family_ids = fields.Many2many(
        "crm.profiling.family",
        string="Profiling Families",
        compute="_compute_profiling_value_ids",
        search="_search_profiling_family_ids",
        groups=PROFILING_GROUP,
    )

    @api.depends("profiling_line_ids")
    def _compute_profiling_count(self):
        counts = dict(
            self.env["crm.profiling.line"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.profiling_count = counts.get(partner._origin, 0)

    @api.depends(
        "profiling_line_ids.value_ids",
        "profiling_line_ids.profiling_id",
        "profiling_line_ids.type_id",
        "profiling_line_ids.family_id",
    )
    def _compute_profiling_value_ids(self):
        for partner in self:
            lines = partner.profiling_line_ids
            partner.profiling_value_ids = lines.value_ids
            partner.profiling_ids = lines.profiling_id
            partner.profiling_type_ids = lines.type_id
            partner.profiling_family_ids = lines.family_id

    def _compute_profiling_segment_ids(self):
        segments = self.env["crm.profiling.segment"].search([])
        members = {
            segment: set(
                self.search([("id", "in", self.ids), *segment._get_member_domain()]).ids
            )
            for segment in segments
        }
        for partner in self:
            partner.profiling_segment_ids = segments.filtered(
                lambda s, partner=partner: partner.id in members[s]
            )

    def _search_profiling_segment_ids(self, operator, value):
        """Select the members of segments, evaluating their rules now."""
        Segment = self.env["crm.profiling.segment"]
        negated = operator in NEGATIONS
        operator = NEGATIONS.get(operator, operator)
        if operator == "in":
            values = value if isinstance(value, Collection) else [value]
            segment_ids = [v for v in values if v]
        elif operator == "any":
            segment_ids = Segment.search(value).ids
        elif operator in ("like", "ilike", "=like", "=ilike"):
            segment_ids = Segment.search([("name", operator, value)]).ids
        else:
            return NotImplemented
        domain = Segment._get_domain_of_segments(segment_ids)
        return ~domain if negated else domain

    def _search_profiling_value_ids(self, operator, value):
        return self._search_through_profiles("value_ids", operator, value)

    def _search_profiling_ids(self, operator, value):
        return self._search_through_profiles("profiling_id", operator, value)

    def _search_profiling_type_ids(self, operator, value):
        return self._search_through_profiles("type_id", operator, value)

    def _search_profiling_family_ids(self, operator, value):
        return self._search_through_profiles("family_id", operator, value)

    @api.model
    def _search_through_profiles(self, line_field, operator, value):
        """Translate a condition on a partner's profiles into a domain.

        Conditions are read "the partner has a profile such that...", and
        negative ones as "the partner has no profile such that...": a partner
        without the value Spring must not match "value is not Spring" just
        because another of its profiles holds some other value. ``False``
        stands for "no profile at all" of that kind.
        """
        path = f"profiling_line_ids.{line_field}"
        negated = operator in NEGATIONS
        operator = NEGATIONS.get(operator, operator)
        if operator in ("in", "=") and not isinstance(value, str):
            values = list(value) if isinstance(value, Collection) else [value]
            ids = [v for v in values if v]
            domain = Domain(path, "in", ids) if ids else Domain.FALSE
            if len(ids) < len(values):
                domain |= ~Domain(path, "!=", False)
        else:
            domain = Domain(path, operator, value)
        return ~domain if negated else domain

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
