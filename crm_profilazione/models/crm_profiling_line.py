from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SOURCES = [
    ("manual", "Manual"),
    ("import", "Import"),
    ("automatic", "Automatic"),
    ("lead", "From lead"),
]
# What a profile says; history records these before and after each change.
ANSWER_FIELDS = ("value_ids", "number_value", "text_value")


class ImportRowByRow(Exception):
    """Ask ``load()`` to import a batch again one row at a time."""


class CrmProfilingLine(models.Model):
    """One partner's (or lead's) answer to one characteristic
    (profilazione dell'anagrafica).

    Lines are the current state and the only source of truth for it; every
    creation, change and removal is also appended to ``crm.profiling.history``,
    which is never read back to rebuild the state. There is at most one line
    per record and characteristic, enforced in the database so that
    concurrent writers cannot create duplicates. Numbers are placed into the
    matching range value automatically, which keeps "value is Over €5,000"
    searches exact.
    """

    _name = "crm.profiling.line"
    _description = "Partner Profiling"
    _order = "partner_id, sequence, profiling_id, id"
    _rec_name = "profiling_id"

    partner_id = fields.Many2one("res.partner", index=True, ondelete="cascade")
    lead_id = fields.Many2one("crm.lead", index=True, ondelete="cascade")
    # cascade only matters when the addon is uninstalled: users deleting a
    # characteristic in use are stopped by crm.profiling._unlink_except_used
    profiling_id = fields.Many2one(
        "crm.profiling",
        string="Characteristic",
        required=True,
        index=True,
        ondelete="cascade",
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
    value_codes = fields.Char(
        compute="_compute_value_codes",
        inverse="_inverse_value_codes",
        help="The values' codes separated by commas, e.g. PRIM,AUT: what an "
        "import file gives instead of value names.",
    )
    # Provenance
    profiled_on = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        string="Profiled By",
        default=lambda self: self.env.user,
        ondelete="set null",
    )
    source = fields.Selection(SOURCES, required=True, default="manual")
    origin_lead_id = fields.Many2one(
        "crm.lead", string="Carried Over From", ondelete="set null", readonly=True
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    _partner_profiling_uniq = models.Constraint(
        "UNIQUE (partner_id, profiling_id)",
        "A partner can be profiled only once per characteristic: change the "
        "existing profile instead.",
    )
    _lead_profiling_uniq = models.Constraint(
        "UNIQUE (lead_id, profiling_id)",
        "A lead can be profiled only once per characteristic: change the "
        "existing profile instead.",
    )
    _partner_or_lead = models.Constraint(
        "CHECK ((partner_id IS NULL) <> (lead_id IS NULL))",
        "A profile belongs either to a partner or to a lead.",
    )
    # Partner searches by profile (values, segment rules, numbers) read one
    # characteristic's lines; covering the columns they test, the record
    # rule included, answers them from the index alone (benchmarks/).
    _partner_search_index = models.Index(
        "(profiling_id, partner_id) INCLUDE (id, number_value, company_id) "
        "WHERE partner_id IS NOT NULL"
    )

    @api.depends("partner_id.company_id", "lead_id.company_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.partner_id.company_id or line.lead_id.company_id

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

    @api.depends("value_ids.code")
    def _compute_value_codes(self):
        for line in self:
            line.value_codes = ",".join(line.value_ids.mapped("code"))

    def _inverse_value_codes(self):
        for line in self:
            line.value_ids = line.profiling_id._get_values_by_codes(line.value_codes)

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
                        "to %(profiling)s (%(record)s).",
                        value=foreign[0].name,
                        other=foreign[0].profiling_id.display_name,
                        profiling=profiling.display_name,
                        record=line._get_profiled_record().display_name,
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
                    "Profile %(profiling)s of %(record)s (%(mode)s): %(problem)s.",
                    profiling=self.profiling_id.display_name,
                    record=self._get_profiled_record().display_name,
                    mode=labels[mode],
                    problem=problem,
                )
            )

    # ------------------------------------------------------------
    # CRUD: every change is appended to the history
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        Profiling = self.env["crm.profiling"]
        # copies: an import retries failed batches row by row with the same dicts
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            if self.env.context.get("import_file"):
                vals.setdefault("source", "import")
            if "value_codes" in vals:
                codes = vals.pop("value_codes")
                profiling = Profiling.browse(vals.get("profiling_id"))
                # without a characteristic the row fails on the required field;
                # without codes, numbers still get their range value computed
                if profiling and codes:
                    values = profiling._get_values_by_codes(codes)
                    vals["value_ids"] = [fields.Command.set(values.ids)]
        lines = super().create(vals_list)
        self.env["crm.profiling.history"]._log_lines(lines, "create")
        return lines

    def _load_records_create(self, vals_list):
        """Make import errors name their own row.

        Odoo's ``load()`` reports a refusal raised in a batch on the batch's
        first row as well, which would blame a good row. When a batch is
        refused, a plain exception makes ``load()`` retry row by row, where
        each error is reported on the row that caused it.
        """
        if len(vals_list) < 2:
            return super()._load_records_create(vals_list)
        try:
            with self.env.cr.savepoint():
                return super()._load_records_create(vals_list)
        except UserError as error:
            raise ImportRowByRow(str(error)) from error

    def write(self, vals):
        if "value_codes" in vals:
            codes = vals.pop("value_codes")
            for profiling in self.profiling_id:
                lines = self.filtered(lambda line, p=profiling: line.profiling_id == p)
                lines.write(
                    {**vals, "value_ids": profiling._get_values_by_codes(codes).ids}
                )
            return True
        if not any(name in vals for name in ANSWER_FIELDS):
            return super().write(vals)
        before = {line.id: line._get_answer_snapshot() for line in self}
        result = super().write(vals)
        changed = self.filtered(
            lambda line: line._get_answer_snapshot() != before[line.id]
        )
        self.env["crm.profiling.history"]._log_lines(changed, "change", before)
        return result

    def unlink(self):
        self.env["crm.profiling.history"]._log_lines(
            self, "remove", {line.id: line._get_answer_snapshot() for line in self}
        )
        return super().unlink()

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_profiled_record(self):
        """The partner or lead this profile belongs to."""
        self.ensure_one()
        return self.partner_id or self.lead_id

    def _get_answer_snapshot(self):
        """The answer as plain data, to compare and to record in history."""
        self.ensure_one()
        return (
            frozenset(self.value_ids.ids),
            self.number_value,
            self.text_value or False,
        )

    def _merge_into(self, owner_field, owner, extra_vals=None):
        """Merge these answers into the profile of ``owner``.

        A characteristic the owner lacks is added; one it already has keeps
        the more recent answer (by profiling date, then by last change).

        Args:
            owner_field: "partner_id" or "lead_id", the owner's kind.
            owner: the partner or lead receiving the answers.
            extra_vals: values written on every line added or changed, e.g.
                where the answer came from.

        Returns:
            (number of lines added, number of lines changed)
        """
        current = {line.profiling_id: line for line in owner.profiling_line_ids}
        newest_first = self.sorted(
            lambda line: (line.profiled_on, line.write_date), reverse=True
        )
        to_create, changed = {}, 0
        for line in newest_first:
            answer = {**line._get_answer_vals(), **(extra_vals or {})}
            mine = current.get(line.profiling_id)
            if line.profiling_id in to_create:
                continue  # an answer newer than this one is already chosen
            if not mine:
                to_create[line.profiling_id] = {
                    **answer,
                    owner_field: owner.id,
                    "profiling_id": line.profiling_id.id,
                }
            elif (line.profiled_on, line.write_date) > (
                mine.profiled_on,
                mine.write_date,
            ):
                mine.write(answer)
                changed += 1
                current[line.profiling_id] = line
        self.create(list(to_create.values()))
        return len(to_create), changed

    def _get_answer_vals(self):
        """Values that copy this answer onto another line."""
        self.ensure_one()
        return {
            "value_ids": [fields.Command.set(self.value_ids.ids)],
            "number_value": self.number_value,
            "text_value": self.text_value,
            "profiled_on": self.profiled_on,
            "user_id": self.user_id.id,
            "note": self.note,
        }
