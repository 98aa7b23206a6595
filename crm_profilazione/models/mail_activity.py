from odoo import api, fields, models
from odoo.fields import Domain

from .crm_profiling_profiled_mixin import NEGATIONS, PROFILING_GROUP

# activity search field -> partner search field it goes through
PARTNER_PROFILE_FIELDS = {
    "partner_profiling_value_ids": "profiling_value_ids",
    "partner_profiling_ids": "profiling_ids",
    "partner_profiling_type_ids": "profiling_type_ids",
    "partner_profiling_family_ids": "profiling_family_ids",
    "partner_profiling_segment_ids": "profiling_segment_ids",
}


class MailActivity(models.Model):
    """Activities can be found by the profile of the partner they concern.

    The partner is the activity's record itself for contacts, and the
    record's ``partner_id`` for documents that have one (leads,
    opportunities, quotations...). Searching through it makes every profile
    field usable in the activity views' search bar and filters.
    """

    _inherit = "mail.activity"

    profiling_partner_id = fields.Many2one(
        "res.partner",
        string="Profiled Partner",
        compute="_compute_profiling_partner_id",
        search="_search_profiling_partner_id",
        groups=PROFILING_GROUP,
    )

    # The partner's profile, so the search bar proposes values and segments
    # rather than partners
    partner_profiling_value_ids = fields.Many2many(
        "crm.profiling.value",
        compute="_compute_partner_profile",
        search="_search_partner_profiling_value_ids",
        groups=PROFILING_GROUP,
    )
    partner_profiling_ids = fields.Many2many(
        "crm.profiling",
        string="Partner Characteristic",
        compute="_compute_partner_profile",
        search="_search_partner_profiling_ids",
        groups=PROFILING_GROUP,
    )
    partner_profiling_type_ids = fields.Many2many(
        "crm.profiling.type",
        compute="_compute_partner_profile",
        search="_search_partner_profiling_type_ids",
        groups=PROFILING_GROUP,
    )
    partner_profiling_family_ids = fields.Many2many(
        "crm.profiling.family",
        compute="_compute_partner_profile",
        search="_search_partner_profiling_family_ids",
        groups=PROFILING_GROUP,
    )
    partner_profiling_segment_ids = fields.Many2many(
        "crm.profiling.segment",
        string="Partner Segment",
        compute="_compute_partner_profile",
        search="_search_partner_profiling_segment_ids",
        groups=PROFILING_GROUP,
    )

    @api.depends("res_model", "res_id")
    def _compute_profiling_partner_id(self):
        for activity in self:
            record = activity._get_profiled_record()
            activity.profiling_partner_id = record

    @api.depends("profiling_partner_id")
    def _compute_partner_profile(self):
        for activity in self:
            partner = activity.profiling_partner_id
            for activity_field, partner_field in PARTNER_PROFILE_FIELDS.items():
                activity[activity_field] = partner[partner_field]

    def _search_partner_profiling_value_ids(self, operator, value):
        return self._search_partner_profile("profiling_value_ids", operator, value)

    def _search_partner_profiling_ids(self, operator, value):
        return self._search_partner_profile("profiling_ids", operator, value)

    def _search_partner_profiling_type_ids(self, operator, value):
        return self._search_partner_profile("profiling_type_ids", operator, value)

    def _search_partner_profiling_family_ids(self, operator, value):
        return self._search_partner_profile("profiling_family_ids", operator, value)

    def _search_partner_profiling_segment_ids(self, operator, value):
        return self._search_partner_profile("profiling_segment_ids", operator, value)

    @api.model
    def _search_partner_profile(self, partner_field, operator, value):
        """Activities whose partner matches a condition on its profile."""
        negated = operator in NEGATIONS
        condition = Domain(partner_field, NEGATIONS.get(operator, operator), value)
        domain = Domain("profiling_partner_id", "any", condition)
        return ~domain if negated else domain

    def _get_profiled_record(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return self.env["res.partner"]
        if self.res_model == "res.partner":
            return self.env["res.partner"].browse(self.res_id)
        if self._partner_field_of(self.res_model):
            return self.env[self.res_model].browse(self.res_id).sudo().partner_id
        return self.env["res.partner"]

    @api.model
    def _partner_field_of(self, model_name):
        """Whether ``model_name`` links to its customer through ``partner_id``."""
        if model_name not in self.env:
            return False
        field = self.env[model_name]._fields.get("partner_id")
        return bool(
            field and field.type == "many2one" and field.comodel_name == "res.partner"
        )

    def _search_profiling_partner_id(self, operator, value):
        if operator not in ("in", "any"):
            return NotImplemented
        Partner = self.env["res.partner"]
        partners = Partner._search(value) if operator == "any" else list(value)
        activity_models = [
            res_model
            for [res_model] in self.sudo()._read_group(
                [("res_model", "!=", False)], ["res_model"]
            )
        ]
        domain = Domain.FALSE
        for res_model in activity_models:
            if res_model == "res.partner":
                res_ids = partners
            elif self._partner_field_of(res_model) and self.env[res_model].has_access(
                "read"
            ):
                res_ids = self.env[res_model]._search([("partner_id", "in", partners)])
            else:
                continue
            domain |= Domain("res_model", "=", res_model) & Domain(
                "res_id", "in", res_ids
            )
        return domain
