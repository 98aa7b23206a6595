import logging
from ast import literal_eval

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

SEGMENT_FIELD = "profiling_segment_ids"
PROFILED_MODELS = ("res.partner", "crm.lead")


class MailingMailing(models.Model):
    """Mass mailings addressed to a profiling segment.

    Picking a segment writes ``[("profiling_segment_ids", "in", [id])]`` into
    the mailing's domain. The domain, not a list of recipients, is stored, so
    Odoo's own recipient count, blacklist and duplicate handling, saved
    filters and the mass-mailing cron all work unchanged, and recipients are
    decided when the mailing is sent.
    """

    _inherit = "mailing.mailing"

    profiling_segment_id = fields.Many2one(
        "crm.profiling.segment",
        compute="_compute_profiling_segment_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Send to the members of this segment as it stands when the mailing "
        "is sent: its partners, or for a mailing on leads, the leads of those "
        "partners and the leads whose own profile matches.",
    )
    profiling_segment_allowed = fields.Boolean(
        compute="_compute_profiling_segment_allowed"
    )

    @api.depends("mailing_domain")
    def _compute_profiling_segment_id(self):
        Segment = self.env["crm.profiling.segment"].with_context(active_test=False)
        for mailing in self:
            segment_ids = mailing._get_profiling_segment_ids()
            # a domain may still name a deleted segment (e.g. after reinstall)
            segment = Segment.browse(segment_ids[:1]).exists()
            mailing.profiling_segment_id = segment if len(segment_ids) == 1 else False

    @api.depends("mailing_model_real")
    def _compute_profiling_segment_allowed(self):
        for mailing in self:
            mailing.profiling_segment_allowed = (
                mailing.mailing_model_real in PROFILED_MODELS
            )

    @api.onchange("profiling_segment_id")
    def _onchange_profiling_segment_id(self):
        if self.profiling_segment_id:
            self.mailing_domain = repr(
                [(SEGMENT_FIELD, "in", self.profiling_segment_id.ids)]
            )

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def _get_recipients_domain(self):
        """Keep a segment mailing within its author's companies.

        The queue cron evaluates the domain as superuser; without this, a
        segment would reach partners of companies its author cannot see, and
        the mailing would go to more people than its form announced.
        """
        domain = super()._get_recipients_domain()
        if self._get_profiling_segment_ids():
            user = self.user_id or self.create_uid or self.env.user
            domain &= Domain("company_id", "in", [*user.company_ids.ids, False])
        return domain

    def action_put_in_queue(self):
        for mailing in self:
            problem = mailing._get_profiling_segment_problem()
            if problem:
                raise UserError(problem)
        return super().action_put_in_queue()

    def action_send_mail(self, res_ids=None):
        for mailing in self:
            problem = mailing._get_profiling_segment_problem()
            if problem:
                raise UserError(problem)
        return super().action_send_mail(res_ids=res_ids)

    def _action_send_mail(self, res_ids=None):
        """Write down the segment's size when a mailing goes out to it."""
        for mailing in self.filtered("profiling_segment_id"):
            if not mailing.sent_date:
                self.env["crm.profiling.segment.snapshot"]._record(
                    mailing.profiling_segment_id,
                    len(res_ids or mailing._get_recipients()),
                    "mailing",
                    mailing.mailing_model_real,
                )
        return super()._action_send_mail(res_ids=res_ids)

    @api.model
    def _process_mass_mailing_queue(self):
        """Hold back due mailings whose segment cannot be evaluated any more.

        Without this, a deleted segment would select nobody and the mailing
        would be closed as sent, and a broken one would stop the whole queue.
        The mailing returns to draft and its chatter and author say why.
        """
        due = self.search(
            [
                ("state", "in", ("in_queue", "sending")),
                "|",
                ("schedule_date", "<", fields.Datetime.now()),
                ("schedule_date", "=", False),
            ]
        )
        held = self.browse()
        for mailing in due:
            problem = mailing._get_profiling_segment_problem()
            if problem:
                mailing._hold_for_profiling_problem(problem)
                held |= mailing
        if held:
            _logger.info(
                "Mass mailing queue: %s mailing(s) held back for profiling problems",
                len(held),
            )
        return super()._process_mass_mailing_queue()

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _get_profiling_segment_ids(self):
        """Ids of the segments the mailing domain refers to (even deleted ones)."""
        self.ensure_one()
        try:
            domain = Domain(literal_eval(self.mailing_domain or "[]"))
        except (ValueError, SyntaxError, TypeError):
            return []
        segment_ids = []
        for condition in domain.iter_conditions():
            if condition.field_expr.split(".")[-1] == SEGMENT_FIELD:
                value = condition.value
                values = value if isinstance(value, list | tuple) else [value]
                segment_ids += [v for v in values if isinstance(v, int) and v]
        return list(dict.fromkeys(segment_ids))

    def _get_profiling_segment_problem(self):
        """Explain why the segments of this mailing cannot be used, or False."""
        self.ensure_one()
        segment_ids = self._get_profiling_segment_ids()
        if not segment_ids:
            return False
        Segment = self.env["crm.profiling.segment"].sudo()
        segments = Segment.with_context(active_test=False).browse(segment_ids)
        missing = len(segment_ids) - len(segments.exists())
        if missing:
            return self.env._(
                "Mailing %(mailing)s is addressed to a profiling segment that no "
                "longer exists. Choose its recipients again before sending.",
                mailing=self.subject,
            )
        for segment in segments:
            if segment.problem:
                return self.env._(
                    "Mailing %(mailing)s cannot be sent: %(problem)s",
                    mailing=self.subject,
                    problem=segment.problem,
                )
        return False

    def _hold_for_profiling_problem(self, problem):
        self.ensure_one()
        self.write({"state": "draft"})
        self.message_post(
            body=Markup("<p>%s</p>") % problem,
            partner_ids=self.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
