import logging
import time
from ast import literal_eval
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import format_date

_logger = logging.getLogger(__name__)


class CrmProfilingActivityPlan(models.TransientModel):
    """Plan one activity for every partner, or lead, of a target
    (pianificazione attività).

    The target is a segment, the records selected in a list (any number of
    them), or criteria typed in the domain editor. Activities are created in
    one batch without one notification each; each responsible user gets a
    single summary instead.
    """

    _name = "crm.profiling.activity.plan"
    _inherit = ["crm.profiling.selection.mixin"]
    _description = "Plan Activities for Profiled Partners"

    # Target
    res_model = fields.Selection(
        [("res.partner", "Contacts"), ("crm.lead", "Leads")],
        string="Plan For",
        required=True,
        default="res.partner",
    )
    target = fields.Selection(
        [
            ("segment", "A segment"),
            ("partners", "The selected records"),
            ("domain", "Records matching criteria"),
        ],
        required=True,
        default="segment",
    )
    segment_id = fields.Many2one("crm.profiling.segment")
    partner_ids = fields.Many2many("res.partner")
    lead_ids = fields.Many2many("crm.lead")
    partner_domain = fields.Char(string="Criteria", default="[]")
    partner_count = fields.Integer(
        string="Records Targeted", compute="_compute_partner_count"
    )
    # Activity
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        required=True,
        domain="[('res_model', 'in', (False, res_model))]",
        default=lambda self: self.env.ref(
            "mail.mail_activity_data_call", raise_if_not_found=False
        ),
    )
    summary = fields.Char()
    note = fields.Html()
    deadline_mode = fields.Selection(
        [("date", "On a date"), ("days", "In a number of days")],
        string="Deadline",
        required=True,
        default="days",
    )
    date_deadline = fields.Date(string="Due Date", default=fields.Date.context_today)
    deadline_days = fields.Integer(string="Due in (days)", default=7)
    responsible_mode = fields.Selection(
        [
            ("user", "A chosen user"),
            ("salesperson", "Each record's salesperson"),
        ],
        string="Assign To",
        required=True,
        default="salesperson",
    )
    user_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
        help="The responsible, or for records without a salesperson, the "
        "fallback responsible.",
    )
    skip_existing = fields.Boolean(
        string="Skip If Already Planned",
        default=True,
        help="Leave out the records that already have an open activity of this type.",
    )
    # Outcome
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    created_count = fields.Integer(readonly=True)
    skipped_existing_count = fields.Integer(readonly=True)
    created_activity_ids = fields.Many2many("mail.activity", readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model, ids, domain = self._get_context_selection(("res.partner", "crm.lead"))
        if model:
            values["res_model"] = model
            if domain is not None:
                values["target"] = "domain"
                values["partner_domain"] = repr(domain)
            else:
                values["target"] = "partners"
                field = "lead_ids" if model == "crm.lead" else "partner_ids"
                values[field] = [fields.Command.set(ids)]
        return values

    @api.depends(
        "res_model", "target", "segment_id", "partner_ids", "lead_ids", "partner_domain"
    )
    def _compute_partner_count(self):
        for wizard in self:
            try:
                domain = wizard._get_partner_domain()
            except UserError:
                wizard.partner_count = 0
                continue
            wizard.partner_count = self.env[wizard.res_model].search_count(domain)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_plan(self):
        """Create the activities and show what was done."""
        self.ensure_one()
        started = time.monotonic()
        partners = self._get_partners()
        if not partners:
            raise UserError(self.env._("No record matches the chosen target."))
        if self.target == "segment":
            self.env["crm.profiling.segment.snapshot"]._record(
                self.segment_id, len(partners), "planning", self.res_model
            )
        skipped = self._get_partners_with_open_activity(partners)
        to_plan = partners - skipped
        activities = self._create_activities(to_plan)
        self._notify_responsibles(activities)
        self.write(
            {
                "state": "done",
                "created_count": len(activities),
                "skipped_existing_count": len(skipped),
                "created_activity_ids": [fields.Command.set(activities.ids)],
            }
        )
        _logger.info(
            "Activity planning: %s activities created, %s partners skipped, in %.2fs",
            len(activities),
            len(skipped),
            time.monotonic() - started,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Activities Planned"),
        }

    def action_open_activities(self):
        """List the activities this planning created."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Planned Activities"),
            "res_model": "mail.activity",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.created_activity_ids.ids)],
        }

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_partner_domain(self):
        self.ensure_one()
        if self.target == "segment":
            if not self.segment_id:
                raise UserError(
                    self.env._("Choose the segment to plan activities for.")
                )
            return Domain(self.segment_id._get_member_domain())
        if self.target == "partners":
            records = (
                self.lead_ids if self.res_model == "crm.lead" else self.partner_ids
            )
            return Domain("id", "in", records.ids)
        try:
            return Domain(literal_eval(self.partner_domain or "[]"))
        except (ValueError, SyntaxError, TypeError) as error:
            raise UserError(
                self.env._("The criteria are not a valid filter: %s", error)
            ) from error

    def _get_partners(self):
        """The target records, across all the companies the user works in."""
        partners = self.env[self.res_model].with_context(
            allowed_company_ids=self.env.user.company_ids.ids, active_test=True
        )
        return partners.search(self._get_partner_domain())

    def _get_partners_with_open_activity(self, partners):
        if not self.skip_existing:
            return partners.browse()
        groups = self.env["mail.activity"]._read_group(
            [
                ("res_model", "=", self.res_model),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.activity_type_id.id),
            ],
            ["res_id"],
        )
        return partners.browse([res_id for [res_id] in groups])

    def _get_deadline(self):
        if self.deadline_mode == "days":
            return fields.Date.context_today(self) + timedelta(days=self.deadline_days)
        if not self.date_deadline:
            raise UserError(self.env._("Choose the due date of the activities."))
        return self.date_deadline

    def _get_responsible(self, partner):
        if self.responsible_mode == "salesperson":
            salesperson = partner.user_id
            if salesperson and salesperson.active and not salesperson.share:
                return salesperson
        return self.user_id

    def _create_activities(self, partners):
        if not self.env[self.res_model].has_access("write"):
            raise UserError(
                self.env._(
                    "Planning activities on %(records)s requires the right to edit "
                    "them (for contacts: Contact / Creation). Ask your "
                    "administrator.",
                    records=dict(
                        self._fields["res_model"]._description_selection(self.env)
                    )[self.res_model],
                )
            )
        if self.responsible_mode == "user" and not self.user_id:
            raise UserError(self.env._("Choose the user the activities are for."))
        deadline = self._get_deadline()
        model_id = self.env["ir.model"]._get_id(self.res_model)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": partner.id,
                "activity_type_id": self.activity_type_id.id,
                "summary": self.summary or False,
                "note": self.note or False,
                "date_deadline": deadline,
                "user_id": self._get_responsible(partner).id,
            }
            for partner in partners
        ]
        return (
            self.env["mail.activity"]
            .with_context(
                mail_activity_quick_update=True,
                allowed_company_ids=self.env.user.company_ids.ids,
            )
            .create(vals_list)
        )

    def _notify_responsibles(self, activities):
        """One message per responsible user instead of one per activity."""
        for user, user_activities in activities.grouped("user_id").items():
            if not user or user == self.env.user:
                continue
            body = Markup("<p>%s</p>") % self.env._(
                "%(author)s planned %(count)s %(type)s activities for you, due "
                "%(deadline)s.",
                author=self.env.user.name,
                count=len(user_activities),
                type=self.activity_type_id.name,
                deadline=format_date(self.env, user_activities[:1].date_deadline),
            )
            self.env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._("New activities planned for you"),
                body=body,
            )
