import logging
import time
from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

OWNER_FIELDS = {"res.partner": "partner_id", "crm.lead": "lead_id"}


class CrmProfilingBulkAssign(models.TransientModel):
    """Set, change or remove one characteristic on many partners or leads.

    Works on any number of selected records: the selection is kept as a
    domain, existing profiles are changed in one write and missing ones are
    created in one batch, so 10,000 records cost a handful of queries. Either
    every record is updated or, on a refused answer, none is.
    """

    _name = "crm.profiling.bulk.assign"
    _inherit = ["crm.profiling.selection.mixin"]
    _description = "Bulk Profiling"

    res_model = fields.Selection(
        [("res.partner", "Contacts"), ("crm.lead", "Leads")],
        string="Records",
        required=True,
        default="res.partner",
    )
    record_domain = fields.Char(default="[]", required=True)
    record_count = fields.Integer(
        string="Selected Records", compute="_compute_record_count"
    )
    # What to do
    operation = fields.Selection(
        [("set", "Set or change the answer"), ("remove", "Remove the profile")],
        required=True,
        default="set",
    )
    profiling_id = fields.Many2one(
        "crm.profiling", string="Characteristic", required=True
    )
    value_mode = fields.Selection(related="profiling_id.value_mode")
    value_ids = fields.Many2many(
        "crm.profiling.value",
        string="Values",
        domain="[('profiling_id', '=', profiling_id)]",
    )
    number_value = fields.Float(string="Number")
    text_value = fields.Char(string="Text")
    note = fields.Text()
    # Outcome
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)
    unchanged_count = fields.Integer(readonly=True)
    removed_count = fields.Integer(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model, ids, domain = self._get_context_selection(tuple(OWNER_FIELDS))
        if model:
            values["res_model"] = model
            values["record_domain"] = repr(
                domain if domain is not None else [("id", "in", ids)]
            )
        return values

    @api.depends("res_model", "record_domain")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = self.env[wizard.res_model].search_count(
                wizard._get_record_domain()
            )

    @api.onchange("profiling_id")
    def _onchange_profiling_id(self):
        self.value_ids = self.value_ids.filtered(
            lambda v: v.profiling_id == self.profiling_id
        )

    def action_apply(self):
        """Apply the operation to every selected record, then show the summary."""
        self.ensure_one()
        started = time.monotonic()
        # id order keeps the new profiles' index inserts sequential
        records = self.env[self.res_model].search(self._get_record_domain(), order="id")
        if not records:
            raise UserError(self.env._("No record is selected."))
        owner = OWNER_FIELDS[self.res_model]
        Line = self.env["crm.profiling.line"]
        existing = Line.search(
            [(owner, "in", records.ids), ("profiling_id", "=", self.profiling_id.id)]
        )
        summary = dict.fromkeys(
            ("created_count", "updated_count", "unchanged_count", "removed_count"), 0
        )
        if self.operation == "remove":
            summary["removed_count"] = len(existing)
            existing.unlink()
        else:
            answer = self._get_answer_vals()
            wanted = self._get_wanted_snapshot()
            to_change = existing.filtered(
                lambda line: line._get_answer_snapshot() != wanted
            )
            to_change.write(answer)
            profiled = set(existing.mapped(owner).ids)
            Line.create(
                [
                    {owner: record_id, "profiling_id": self.profiling_id.id, **answer}
                    for record_id in records.ids
                    if record_id not in profiled
                ]
            )
            summary.update(
                created_count=len(records) - len(profiled),
                updated_count=len(to_change),
                unchanged_count=len(existing) - len(to_change),
            )
        self.write({"state": "done", **summary})
        _logger.info(
            "Bulk profiling of %s %s for %s: %s, in %.2fs",
            len(records),
            self.res_model,
            self.profiling_id.code,
            summary,
            time.monotonic() - started,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Profiling Updated"),
        }

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_record_domain(self):
        self.ensure_one()
        try:
            return literal_eval(self.record_domain or "[]")
        except (ValueError, SyntaxError) as error:
            raise UserError(
                self.env._("The selection is not a valid filter: %s", error)
            ) from error

    def _get_answer_vals(self):
        mode = self.profiling_id.value_mode
        vals = {"note": self.note or False}
        if mode in ("single", "multiple"):
            vals["value_ids"] = [fields.Command.set(self.value_ids.ids)]
        elif mode == "number":
            vals["number_value"] = self.number_value
        elif mode == "text":
            vals["text_value"] = self.text_value
        return vals

    def _get_wanted_snapshot(self):
        """The answer as ``crm.profiling.line._get_answer_snapshot`` shows it."""
        mode = self.profiling_id.value_mode
        values = frozenset(self.value_ids.ids)
        if mode == "number":
            values = frozenset(
                self.profiling_id._value_for_number(self.number_value).ids
            )
        elif mode not in ("single", "multiple"):
            values = frozenset()
        return (
            values,
            self.number_value if mode == "number" else 0.0,
            (self.text_value or False) if mode == "text" else False,
        )
