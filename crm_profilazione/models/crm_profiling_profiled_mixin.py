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


class CrmProfilingProfiledMixin(models.AbstractModel):
    """Search fields shared by every record that carries profiles.

    The inheriting model defines ``profiling_line_ids``; this mixin turns the
    profiles into ordinary domain terms (value, characteristic, type, family,
    segment) so that the search bar, mailing recipients, automation rules
    and the external API select records by profile with no special code.
    """

    _name = "crm.profiling.profiled.mixin"
    _description = "Profiled Record Mixin"

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
        compute="_compute_profiling_taxonomy_ids",
        search="_search_profiling_ids",
        groups=PROFILING_GROUP,
    )
    profiling_type_ids = fields.Many2many(
        "crm.profiling.type",
        string="Profiling Types",
        compute="_compute_profiling_taxonomy_ids",
        search="_search_profiling_type_ids",
        groups=PROFILING_GROUP,
    )
    profiling_family_ids = fields.Many2many(
        "crm.profiling.family",
        string="Profiling Families",
        compute="_compute_profiling_taxonomy_ids",
        search="_search_profiling_family_ids",
        groups=PROFILING_GROUP,
    )
    profiling_segment_ids = fields.Many2many(
        "crm.profiling.segment",
        string="Profiling Segments",
        compute="_compute_profiling_segment_ids",
        search="_search_profiling_segment_ids",
        groups=PROFILING_GROUP,
    )

    @api.model
    def _search(self, domain, *args, **kwargs):
        # Partners' values are a stored many2many derived from their profiles,
        # and Odoo does not flush a stored many2many before searching on it:
        # bring it up to date first, so that a search made in the same
        # transaction as a profile change sees the change (partners, and leads
        # through their partner). Cheap when nothing is pending.
        self.env["res.partner"].flush_model(["profiling_value_ids"])
        return super()._search(domain, *args, **kwargs)

    @api.depends("profiling_line_ids")
    def _compute_profiling_count(self):
        for record in self:
            record.profiling_count = len(record.profiling_line_ids)

    @api.depends("profiling_line_ids.value_ids")
    def _compute_profiling_value_ids(self):
        for record in self:
            record.profiling_value_ids = record.profiling_line_ids.value_ids

    @api.depends(
        "profiling_line_ids.profiling_id",
        "profiling_line_ids.type_id",
        "profiling_line_ids.family_id",
    )
    def _compute_profiling_taxonomy_ids(self):
        for record in self:
            lines = record.profiling_line_ids
            record.profiling_ids = lines.profiling_id
            record.profiling_type_ids = lines.type_id
            record.profiling_family_ids = lines.family_id

    def _compute_profiling_segment_ids(self):
        segments = self.env["crm.profiling.segment"].search([])
        members = {
            segment: set(
                self.search([("id", "in", self.ids), *segment._get_member_domain()]).ids
            )
            for segment in segments
        }
        for record in self:
            record.profiling_segment_ids = segments.filtered(
                lambda s, record=record: record.id in members[s]
            )

    def _search_profiling_value_ids(self, operator, value):
        return self._search_through_profiles("value_ids", operator, value)

    def _search_profiling_ids(self, operator, value):
        return self._search_through_profiles("profiling_id", operator, value)

    def _search_profiling_type_ids(self, operator, value):
        return self._search_through_profiles("type_id", operator, value)

    def _search_profiling_family_ids(self, operator, value):
        return self._search_through_profiles("family_id", operator, value)

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
        domain = Segment._get_domain_of_segments(segment_ids, self._name)
        return ~domain if negated else domain

    @api.model
    def _search_through_profiles(self, line_field, operator, value):
        """Translate a condition on the record's profiles into a domain.

        Conditions read "the record has a profile such that...", and negative
        ones "the record has no profile such that...": a partner without the
        value Spring must not match "value is not Spring" just because
        another of its profiles holds some other value. ``False`` stands for
        "no profile at all" of that kind.
        """
        negated = operator in NEGATIONS
        domain = self._profiles_domain(
            line_field, NEGATIONS.get(operator, operator), value
        )
        return ~domain if negated else domain

    @api.model
    def _profiles_domain(self, line_field, operator, value):
        """Positive condition on this record's own profiles."""
        path = f"profiling_line_ids.{line_field}"
        if operator in ("in", "=") and not isinstance(value, str):
            values = list(value) if isinstance(value, Collection) else [value]
            ids = [v for v in values if v]
            if (
                line_field == "value_ids"
                and ids
                and all(isinstance(v, int) for v in ids)
            ):
                domain = self._profile_values_domain(ids)
            else:
                domain = Domain(path, "in", ids) if ids else Domain.FALSE
            if len(ids) < len(values):
                domain |= ~Domain(path, "!=", False)
            return domain
        return Domain(path, operator, value)

    @api.model
    def _profile_values_domain(self, value_ids):
        """Records having a profile that holds one of ``value_ids``.

        A value only sits on profiles of its own characteristic; naming the
        characteristic lets the database read that characteristic's lines
        from crm.profiling.line's covering index instead of every line.
        """
        values = (
            self.env["crm.profiling.value"]
            .sudo()
            .with_context(active_test=False)
            .browse(value_ids)
            .exists()
        )
        if not values:
            return Domain.FALSE
        return Domain(
            "profiling_line_ids",
            "any",
            Domain("profiling_id", "in", values.profiling_id.ids)
            & Domain("value_ids", "in", values.ids),
        )
