from odoo import api, fields, models
from odoo.exceptions import ValidationError

SOURCES = [
    ("manual", "Manual"),
    ("import", "Import"),
    ("automatic", "Automatic"),
]


class CrmProfilingLine(models.Model):
    """One partner's answer to one characteristic (profilazione dell'anagrafica).

    There is at most one line per partner and characteristic, enforced by a
    unique constraint in the database so that concurrent writers cannot
    create duplicates. Numbers are placed into the matching range value
    automatically, which keeps "value is Over €5,000" searches exact.
    """

    _name = "crm.profiling.line"
    _description = "Partner Profiling"
    _order = "partner_id, sequence, profiling_id, id"
    _rec_name = "profiling_id"

    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
    )
    profiling_id = fields.Many2one(
        "crm.profiling",
        string="Characteristic",
        required=True,
        index=True,
        ondelete="restrict",
    )
    # Taxonomy, stored for sorting and grouping the partner's profile
    sequence = fields.Integer(related="profiling_id.sequence", store=True)
    type_id = fields.Many2one(related="profiling_id.type_id", store=True, index=True)
    family_id = fields.Many2one(
        related="profiling_id.family_id", store=True, index=True
    )
    value_mode = fields.Selection(related="profiling_id.value_mode")
    # The answer
    value_ids = fields.Many2many(
        "crm.profiling.value",
        "crm_profiling_line_value_rel",
        "line_id",
        "value_id",
        string="Values",
        compute="_compute_value_ids",
        store=True,
        readonly=False,
        domain="[('profiling_id', '=', profiling_id)]",
        # an archived value stays on the profiles that hold it
        context={"active_test": False},
    )
    number_value = fields.Float(string="Number")
    text_value = fields.Char(string="Text")
    # Provenance
    profiled_on = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        string="Profiled By",
        default=lambda self: self.env.user,
        ondelete="set null",
    )
    source = fields.Selection(SOURCES, required=True, default="manual")
    note = fields.Text()
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, index=True
    )

    _partner_profiling_uniq = models.Constraint(
        "UNIQUE (partner_id, profiling_id)",
        "A partner can be profiled only once per characteristic: change the "
        "existing profile instead.",
    )

    @api.depends(
        "number_value",
        "profiling_id",
        "profiling_id.value_mode",
        "profiling_id.value_ids.has_range_min",
        "profiling_id.value_ids.range_min",
        "profiling_id.value_ids.has_range_max",
        "profiling_id.value_ids.range_max",
    )
    def _compute_value_ids(self):
        """Place numbers into their range value; other modes keep the values
        that belong to the characteristic (so changing the characteristic of
        a line drops the values of the previous one)."""
        for line in self:
            profiling = line.profiling_id
            if profiling.value_mode == "number" and profiling.value_ids.filtered(
                "is_ranged"
            ):
                line.value_ids = profiling._value_for_number(line.number_value)
            elif profiling.value_mode in ("number", "presence", "text"):
                line.value_ids = False
            else:
                line.value_ids = line.value_ids.filtered(
                    lambda v, profiling=profiling: v.profiling_id == profiling
                )

    @api.constrains("profiling_id", "value_ids", "number_value", "text_value")
    def _check_value_mode(self):
        for line in self:
            profiling = line.profiling_id
            foreign = (
                line.value_ids - profiling.with_context(active_test=False).value_ids
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Value %(value)s belongs to characteristic %(other)s, not "
                        "to %(profiling)s (partner %(partner)s).",
                        value=foreign[0].name,
                        other=foreign[0].profiling_id.display_name,
                        profiling=profiling.display_name,
                        partner=line.partner_id.display_name,
                    )
                )
            line._check_answer_fits_mode()

    def _check_answer_fits_mode(self):
        """Refuse an answer the characteristic's value mode does not allow."""
        self.ensure_one()
        mode = self.profiling_id.value_mode
        labels = dict(
            self.profiling_id._fields["value_mode"]._description_selection(self.env)
        )
        problem = None
        if mode == "single" and len(self.value_ids) != 1:
            problem = self.env._("choose exactly one value")
        elif mode == "multiple" and not self.value_ids:
            problem = self.env._("choose at least one value")
        elif mode == "text" and not (self.text_value or "").strip():
            problem = self.env._("type the answer text")
        elif mode != "text" and self.text_value:
            problem = self.env._("a text answer is only for text characteristics")
        elif mode != "number" and self.number_value:
            problem = self.env._("a number is only for number characteristics")
        elif (
            mode == "number"
            and self.profiling_id.value_ids.filtered("is_ranged")
            and not self.value_ids
        ):
            problem = self.env._(
                "%(number)s falls outside every range of its values",
                number=self.number_value,
            )
        if problem:
            raise ValidationError(
                self.env._(
                    "Profile %(profiling)s of %(partner)s (%(mode)s): %(problem)s.",
                    profiling=self.profiling_id.display_name,
                    partner=self.partner_id.display_name,
                    mode=labels[mode],
                    problem=problem,
                )
            )
