from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

VALUE_OPERATORS = ("has_any", "has_all", "has_none")
PRESENCE_OPERATORS = ("profiled", "not_profiled")
NUMBER_OPERATORS = {
    "num_eq": "=",
    "num_ne": "!=",
    "num_lt": "<",
    "num_le": "<=",
    "num_gt": ">",
    "num_ge": ">=",
}


class CrmProfilingSegmentRule(models.Model):
    """One criterion of a segment: a characteristic, an operator, an operand.

    A rule only describes the condition; ``_get_domain`` turns it into a
    domain on the records that carry profiles, evaluated whenever a search
    runs, so a segment never holds a copy of its members.
    """

    _name = "crm.profiling.segment.rule"
    _description = "Profiling Segment Rule"
    _order = "segment_id, sequence, id"

    segment_id = fields.Many2one(
        "crm.profiling.segment", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    profiling_id = fields.Many2one(
        "crm.profiling",
        string="Characteristic",
        required=True,
        index=True,
        ondelete="cascade",
    )
    value_mode = fields.Selection(related="profiling_id.value_mode")
    operator = fields.Selection(
        [
            ("has_any", "has any of"),
            ("has_all", "has all of"),
            ("has_none", "has none of"),
            ("profiled", "is profiled"),
            ("not_profiled", "is not profiled"),
            ("num_eq", "="),
            ("num_ne", "≠"),
            ("num_lt", "<"),
            ("num_le", "≤"),
            ("num_gt", ">"),
            ("num_ge", "≥"),
            ("num_between", "between"),
        ],
        required=True,
        default="has_any",
    )
    value_ids = fields.Many2many(
        "crm.profiling.value",
        "crm_profiling_segment_rule_value_rel",
        "rule_id",
        "value_id",
        string="Values",
        domain="[('profiling_id', '=', profiling_id)]",
        context={"active_test": False},
    )
    number = fields.Float()
    number_to = fields.Float(string="Up To")
    company_id = fields.Many2one(related="segment_id.company_id", store=True)

    @api.depends("profiling_id", "operator", "value_ids", "number", "number_to")
    def _compute_display_name(self):
        labels = dict(self._fields["operator"]._description_selection(self.env))
        for rule in self:
            if rule.operator in VALUE_OPERATORS:
                operand = ", ".join(rule.value_ids.mapped("name"))
            elif rule.operator == "num_between":
                operand = self.env._(
                    "%(low)s and %(high)s", low=rule.number, high=rule.number_to
                )
            elif rule.operator in NUMBER_OPERATORS:
                operand = str(rule.number)
            else:
                operand = ""
            rule.display_name = " ".join(
                part
                for part in (rule.profiling_id.name, labels.get(rule.operator), operand)
                if part
            )

    @api.constrains("profiling_id", "operator", "value_ids", "number", "number_to")
    def _check_rule(self):
        for rule in self:
            problem = rule._get_problem()
            if problem:
                raise ValidationError(problem)

    @api.onchange("profiling_id")
    def _onchange_profiling_id(self):
        """Offer the operator that suits the characteristic's value mode."""
        self.value_ids = self.value_ids.filtered(
            lambda v: v.profiling_id == self.profiling_id
        )
        mode = self.profiling_id.value_mode
        is_number_rule = self.operator in NUMBER_OPERATORS or (
            self.operator == "num_between"
        )
        if mode == "number" and self.operator in VALUE_OPERATORS:
            self.operator = "num_ge"
        elif mode in ("presence", "text"):
            self.operator = "profiled"
        elif mode in ("single", "multiple") and is_number_rule:
            self.operator = "has_any"

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_problem(self):
        """Explain why this rule cannot be evaluated, or return False."""
        self.ensure_one()
        profiling = self.profiling_id
        name = self.segment_id.name or self.env._("New segment")
        if not profiling.active:
            return self.env._(
                "Segment %(segment)s uses the archived characteristic %(profiling)s: "
                "restore the characteristic or remove the rule.",
                segment=name,
                profiling=profiling.display_name,
            )
        is_number_rule = self.operator in NUMBER_OPERATORS or (
            self.operator == "num_between"
        )
        if is_number_rule and profiling.value_mode != "number":
            return self.env._(
                "Segment %(segment)s compares %(profiling)s with a number, but that "
                "characteristic does not hold numbers.",
                segment=name,
                profiling=profiling.display_name,
            )
        if self.operator in VALUE_OPERATORS:
            if not self.value_ids:
                return self.env._(
                    "Segment %(segment)s: choose at least one value of %(profiling)s.",
                    segment=name,
                    profiling=profiling.display_name,
                )
            foreign = self.value_ids.filtered(lambda v: v.profiling_id != profiling)
            if foreign:
                return self.env._(
                    "Segment %(segment)s: value %(value)s does not belong to "
                    "characteristic %(profiling)s.",
                    segment=name,
                    value=foreign[0].name,
                    profiling=profiling.display_name,
                )
        if self.operator == "num_between" and self.number > self.number_to:
            return self.env._(
                "Segment %(segment)s: in 'between %(low)s and %(high)s' the first "
                "number must not be greater than the second.",
                segment=name,
                low=self.number,
                high=self.number_to,
            )
        return False

    def _get_domain(self, model_name="res.partner"):
        """Return the domain selecting the partners, or leads, this rule matches.

        On partners, value rules use the partner's stored values (as fast as
        tags); on leads, and for numbers, they go through the profiles.
        """
        self.ensure_one()
        problem = self._get_problem()
        if problem:
            raise ValidationError(problem)
        profile = Domain("profiling_id", "=", self.profiling_id.id)

        def having(condition=Domain.TRUE):
            return Domain("profiling_line_ids", "any", profile & condition)

        def holding(values):
            if model_name == "res.partner":
                return Domain("profiling_value_ids", "in", values.ids)
            return having(Domain("value_ids", "in", values.ids))

        operator = self.operator
        if operator == "has_any":
            return holding(self.value_ids)
        if operator == "has_all":
            return Domain.AND(holding(value) for value in self.value_ids)
        if operator == "has_none":
            return ~holding(self.value_ids)
        if operator == "profiled":
            return having()
        if operator == "not_profiled":
            return ~having()
        if operator == "num_between":
            return having(
                Domain("number_value", ">=", self.number)
                & Domain("number_value", "<=", self.number_to)
            )
        return having(Domain("number_value", NUMBER_OPERATORS[operator], self.number))
