from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmProfilingValue(models.Model):
    """An allowed answer of a characteristic (valore), e.g. "Over €5,000".

    For number characteristics a value may carry a range: a number n falls
    into the value when it is above the lower bound and up to the upper
    bound (lower < n <= upper), an unset bound being open. The ranges of one
    characteristic never overlap, so a number falls into at most one value.
    """

    _name = "crm.profiling.value"
    _description = "Profiling Value"
    _order = "profiling_id, sequence, id"

    profiling_id = fields.Many2one(
        "crm.profiling",
        string="Characteristic",
        required=True,
        index=True,
        ondelete="cascade",
    )
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(related="profiling_id.company_id", store=True)
    value_mode = fields.Selection(related="profiling_id.value_mode")
    # Range (number characteristics only)
    has_range_min = fields.Boolean(string="Has Lower Bound")
    range_min = fields.Float(
        string="Above", help="The value covers numbers above this."
    )
    has_range_max = fields.Boolean(string="Has Upper Bound")
    range_max = fields.Float(
        string="Up To", help="The value covers numbers up to this one, included."
    )
    is_ranged = fields.Boolean(compute="_compute_is_ranged")
    line_count = fields.Integer(
        string="Profiles", compute="_compute_line_count", compute_sudo=True
    )

    _code_profiling_uniq = models.UniqueIndex(
        "(profiling_id, lower(code))",
        "Two values of the same characteristic cannot share a code.",
    )

    @api.depends("has_range_min", "has_range_max")
    def _compute_is_ranged(self):
        for value in self:
            value.is_ranged = value.has_range_min or value.has_range_max

    def _compute_line_count(self):
        counts = dict(
            self.env["crm.profiling.line"]._read_group(
                [("value_ids", "in", self.ids)], ["value_ids"], ["__count"]
            )
        )
        for value in self:
            value.line_count = counts.get(value, 0)

    @api.depends("name", "profiling_id.code")
    def _compute_display_name(self):
        for value in self:
            value.display_name = value.name

    @api.constrains(
        "has_range_min", "range_min", "has_range_max", "range_max", "profiling_id"
    )
    def _check_range(self):
        for value in self.filtered("is_ranged"):
            if value.profiling_id.value_mode != "number":
                raise ValidationError(
                    self.env._(
                        "Value %(value)s has a range, but characteristic "
                        "%(profiling)s does not hold numbers.",
                        value=value.name,
                        profiling=value.profiling_id.display_name,
                    )
                )
            if (
                value.has_range_min
                and value.has_range_max
                and value.range_min >= value.range_max
            ):
                raise ValidationError(
                    self.env._(
                        "The range of value %(value)s is reversed or empty: "
                        "%(low)s must be lower than %(high)s.",
                        value=value.name,
                        low=value.range_min,
                        high=value.range_max,
                    )
                )
        for profiling in self.profiling_id:
            profiling._check_ranges_disjoint()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("line_count")
        if used:
            raise UserError(
                self.env._(
                    "Value %(value)s is used by %(count)s profile(s) and cannot be "
                    "deleted. Archive it instead: existing profiles keep it, new "
                    "ones cannot choose it.",
                    value=used[0].display_name,
                    count=used[0].line_count,
                )
            )

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _contains_number(self, number):
        """Tell whether ``number`` falls into this value's range."""
        self.ensure_one()
        if self.has_range_min and not number > self.range_min:
            return False
        return not (self.has_range_max and number > self.range_max)

    def _bounds(self):
        """Return (low, high) with open bounds as infinities, for comparisons."""
        self.ensure_one()
        low = self.range_min if self.has_range_min else float("-inf")
        high = self.range_max if self.has_range_max else float("inf")
        return low, high
