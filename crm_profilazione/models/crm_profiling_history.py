from odoo import api, fields, models

EVENTS = [
    ("create", "Profiled"),
    ("change", "Changed"),
    ("remove", "Removed"),
]


class CrmProfilingHistory(models.Model):
    """Append-only log of profile events: who answered what, and when.

    The current profile lives in ``crm.profiling.line`` only; this log is
    never used to rebuild it, so the two cannot drift apart. A removed
    profile disappears from the current profile and stays here. Entries are
    written by the profile lines themselves and are read-only for everyone.
    """

    _name = "crm.profiling.history"
    _description = "Profiling History"
    _order = "date desc, id desc"
    _rec_name = "profiling_id"

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", string="Author", ondelete="set null")
    event = fields.Selection(EVENTS, required=True)
    source = fields.Selection(
        selection=lambda self: (
            self.env["crm.profiling.line"]
            ._fields["source"]
            ._description_selection(self.env)
        ),
    )
    partner_id = fields.Many2one("res.partner", index=True, ondelete="cascade")
    lead_id = fields.Many2one("crm.lead", index=True, ondelete="cascade")
    profiling_id = fields.Many2one(
        "crm.profiling",
        string="Characteristic",
        required=True,
        index=True,
        ondelete="cascade",
    )
    type_id = fields.Many2one(related="profiling_id.type_id", store=True)
    family_id = fields.Many2one(related="profiling_id.family_id", store=True)
    company_id = fields.Many2one("res.company", index=True)
    # Answer before and after the event
    old_value_ids = fields.Many2many(
        "crm.profiling.value",
        "crm_profiling_history_old_value_rel",
        "history_id",
        "value_id",
        string="Previous Values",
        context={"active_test": False},
    )
    new_value_ids = fields.Many2many(
        "crm.profiling.value",
        "crm_profiling_history_new_value_rel",
        "history_id",
        "value_id",
        string="New Values",
        context={"active_test": False},
    )
    old_number = fields.Float(string="Previous Number")
    new_number = fields.Float()
    old_text = fields.Char(string="Previous Text")
    new_text = fields.Char()

    @api.model
    def _log_lines(self, lines, event, before=None):
        """Append one entry per line for ``event``.

        Args:
            lines: the profiles concerned, in their state after the event
                (before it, for removals).
            event: "create", "change" or "remove".
            before: answer snapshots taken before a change or removal, keyed
                by line id (see ``crm.profiling.line._get_answer_snapshot``).
        """
        if not lines:
            return self.browse()
        before = before or {}
        vals_list = []
        for line in lines:
            old_values, old_number, old_text = before.get(
                line.id, (frozenset(), 0.0, False)
            )
            vals = {
                "event": event,
                "user_id": self.env.user.id,
                "source": line.source,
                "partner_id": line.partner_id.id,
                "lead_id": line.lead_id.id,
                "profiling_id": line.profiling_id.id,
                "company_id": line.company_id.id,
                "old_value_ids": [fields.Command.set(list(old_values))],
                "old_number": old_number,
                "old_text": old_text,
            }
            if event != "remove":
                vals.update(
                    new_value_ids=[fields.Command.set(line.value_ids.ids)],
                    new_number=line.number_value,
                    new_text=line.text_value,
                )
            vals_list.append(vals)
        return self.sudo().create(vals_list)
