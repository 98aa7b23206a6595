import itertools

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

VALUE_MODES = [
    ("presence", "Presence only"),
    ("single", "One value"),
    ("multiple", "Several values"),
    ("number", "Number"),
    ("text", "Text"),
]


class CrmProfiling(models.Model):
    """A profiling characteristic (codice profilazione): what is asked or
    measured about a partner, e.g. "Average order amount".

    Type and family are both optional and independent; when both are set the
    family's own type, if any, must be the same type.
    """

    _name = "crm.profiling"
    _inherit = ["crm.profiling.taxonomy.mixin"]
    _description = "Profiling Characteristic"
    _order = "sequence, code, id"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True)
    type_id = fields.Many2one("crm.profiling.type", index=True, ondelete="set null")
    family_id = fields.Many2one("crm.profiling.family", index=True, ondelete="set null")
    value_mode = fields.Selection(
        VALUE_MODES,
        required=True,
        default="single",
        help="Presence only: being profiled is the information.\n"
        "One value / Several values: answers chosen from the list below.\n"
        "Number: a figure, placed automatically into the value whose range "
        "contains it.\n"
        "Text: a free answer.",
    )
    value_ids = fields.One2many(
        "crm.profiling.value", "profiling_id", string="Values", copy=True
    )
    line_ids = fields.One2many("crm.profiling.line", "profiling_id", string="Profiles")
    line_count = fields.Integer(
        string="Profile Count", compute="_compute_line_count", compute_sudo=True
    )

    _code_company_uniq = models.UniqueIndex(
        "(lower(code), COALESCE(company_id, 0))",
        "A characteristic with this code already exists in this company.",
    )

    def _compute_line_count(self):
        counts = dict(
            self.env["crm.profiling.line"]._read_group(
                [("profiling_id", "in", self.ids)], ["profiling_id"], ["__count"]
            )
        )
        for profiling in self:
            profiling.line_count = counts.get(profiling, 0)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for profiling in self:
            profiling.display_name = (
                f"[{profiling.code}] {profiling.name}"
                if profiling.code
                else profiling.name
            )

    @api.model
    def _search_display_name(self, operator, value):
        """Find a characteristic by its exact code in any case, as imports do."""
        if operator in ("=", "in"):
            names = [value] if isinstance(value, str) else list(value)
            if names and all(isinstance(name, str) for name in names):
                return Domain.OR(
                    Domain("code", "=ilike", self._escape_like(name)) for name in names
                ) | Domain("name", "in", names)
        return super()._search_display_name(operator, value)

    @api.model
    def _escape_like(self, text):
        """Escape ``text`` so that a LIKE pattern matches it literally."""
        for special in ("\\", "%", "_"):
            text = text.replace(special, "\\" + special)
        return text

    @api.constrains("type_id", "family_id")
    def _check_type_matches_family(self):
        for profiling in self:
            family_type = profiling.family_id.type_id
            if profiling.type_id and family_type and family_type != profiling.type_id:
                raise ValidationError(
                    self.env._(
                        "Characteristic %(profiling)s has type %(type)s, but its "
                        "family %(family)s belongs to type %(family_type)s.",
                        profiling=profiling.display_name,
                        type=profiling.type_id.display_name,
                        family=profiling.family_id.display_name,
                        family_type=family_type.display_name,
                    )
                )

    @api.constrains("value_mode")
    def _check_value_mode_change(self):
        for profiling in self:
            if profiling.value_mode != "number" and profiling.value_ids.filtered(
                "is_ranged"
            ):
                raise ValidationError(
                    self.env._(
                        "Characteristic %(profiling)s has values with ranges: "
                        "only a number characteristic can have them.",
                        profiling=profiling.display_name,
                    )
                )
            profiling.line_ids._check_value_mode()

    @api.onchange("family_id")
    def _onchange_family_id(self):
        if self.family_id.type_id and not self.type_id:
            self.type_id = self.family_id.type_id

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for profiling in self:
            if profiling.line_count:
                raise UserError(
                    self.env._(
                        "Characteristic %(profiling)s is used by %(count)s "
                        "profile(s) and cannot be deleted. Archive it instead.",
                        profiling=profiling.display_name,
                        count=profiling.line_count,
                    )
                )
        rules = (
            self.env["crm.profiling.segment.rule"]
            .sudo()
            .search([("profiling_id", "in", self.ids)])
        )
        if rules:
            raise UserError(
                self.env._(
                    "Characteristic %(profiling)s is used by the rules of "
                    "%(count)s segment(s), such as %(segment)s, and cannot be "
                    "deleted.",
                    profiling=rules[0].profiling_id.display_name,
                    count=len(rules.segment_id),
                    segment=rules[0].segment_id.name,
                )
            )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_open_lines(self):
        """Open the partners' profiles for this characteristic."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_profilazione.crm_profiling_line_action"
        )
        action["domain"] = [("profiling_id", "=", self.id)]
        action["context"] = {"default_profiling_id": self.id}
        return action

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _check_ranges_disjoint(self):
        """Refuse two active ranged values of this characteristic that overlap.

        Ranges are (low, high]: touching bounds, such as "up to 1000" and
        "above 1000", do not overlap.
        """
        for profiling in self:
            ranged = profiling.value_ids.filtered("is_ranged").sorted(
                lambda v: v._bounds()
            )
            for before, after in itertools.pairwise(ranged):
                if after._bounds()[0] < before._bounds()[1]:
                    raise ValidationError(
                        self.env._(
                            "The ranges of values %(first)s and %(second)s of "
                            "characteristic %(profiling)s overlap: a number must "
                            "fall into one value only.",
                            first=before.name,
                            second=after.name,
                            profiling=profiling.display_name,
                        )
                    )

    def _get_values_by_codes(self, codes):
        """Return the values named by comma-separated ``codes`` (any case).

        Used by imports, which name values by code; codes are only unique
        within a characteristic, so they are looked up in this one.
        """
        self.ensure_one()
        wanted = [code.strip() for code in (codes or "").split(",") if code.strip()]
        values = self.with_context(active_test=False).value_ids
        by_code = {value.code.lower(): value for value in values}
        unknown = [code for code in wanted if code.lower() not in by_code]
        if unknown:
            raise ValidationError(
                self.env._(
                    "Unknown value code %(codes)s for characteristic %(profiling)s. "
                    "Its codes are: %(known)s.",
                    codes=", ".join(unknown),
                    profiling=self.display_name,
                    known=", ".join(values.mapped("code")) or "-",
                )
            )
        return self.env["crm.profiling.value"].union(
            *(by_code[code.lower()] for code in wanted)
        )

    def _value_for_number(self, number):
        """Return the value whose range holds ``number`` (empty if none)."""
        self.ensure_one()
        return self.value_ids.filtered(
            lambda v: v.is_ranged and v._contains_number(number)
        )[:1]
