from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestProfilingMailing(ProfilingCommon):
    """Mailings addressed to a segment, scheduled and sent by the cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="marketer",
            name="Marketing User",
            groups="base.group_partner_manager,mass_mailing.group_mass_mailing_user,"
            "crm_profilazione.group_profiling_user",
        )
        cls.average_order = cls.env.ref("crm_profilazione.crm_profiling_average_order")
        cls.over_5000 = cls.env.ref(
            "crm_profilazione.crm_profiling_average_order_over_5000"
        )
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "Big", "email": "big@example.com"})
        cls.small = Partner.create({"name": "Small", "email": "small@example.com"})
        cls.blacklisted = Partner.create(
            {"name": "Blacklisted", "email": "blacklisted@example.com"}
        )
        cls.growing = Partner.create(
            {"name": "Growing", "email": "growing@example.com"}
        )
        cls.shrinking = Partner.create(
            {"name": "Shrinking", "email": "shrinking@example.com"}
        )
        cls.twin = Partner.create({"name": "Big twin", "email": "big@example.com"})
        cls.invalid = Partner.create({"name": "No address", "email": "not-an-email"})
        for partner, amount in [
            (cls.big, 7200),
            (cls.small, 300),
            (cls.blacklisted, 9000),
            (cls.growing, 4000),
            (cls.shrinking, 6000),
            (cls.twin, 8000),
            (cls.invalid, 5500),
        ]:
            cls.profile(partner, cls.average_order, number_value=amount)
        cls.env["mail.blacklist"].create({"email": "blacklisted@example.com"})
        cls.segment = cls.env["crm.profiling.segment"].create(
            {
                "name": "Average order over €5,000",
                "rule_ids": [
                    Command.create(
                        {
                            "profiling_id": cls.average_order.id,
                            "operator": "has_any",
                            "value_ids": [Command.set(cls.over_5000.ids)],
                        }
                    )
                ],
            }
        )

    def new_mailing(self, model="res.partner", segment=None):
        """Compose a mailing in the form, picking the segment as a user does."""
        form = Form(self.env["mailing.mailing"].with_user(self.marketer))
        form.subject = "10% off your next order"
        form.mailing_model_id = self.env["ir.model"]._get(model)
        form.body_arch = "<p>Discount for our best customers</p>"
        form.profiling_segment_id = segment or self.segment
        return form.save()

    def run_mailing_queue(self):
        with self.enter_registry_test_mode(), mute_logger("odoo.addons.mail"):
            cron = self.env.ref("mass_mailing.ir_cron_mass_mailing_queue").sudo()
            cron.method_direct_trigger()

    def sent_to(self, mailing):
        traces = mailing.mailing_trace_ids
        return self.env[mailing.mailing_model_real].browse(
            traces.filtered(lambda t: t.trace_status != "cancel").mapped("res_id")
        )

    def test_picking_a_segment_writes_a_literal_domain(self):
        mailing = self.new_mailing()
        self.assertEqual(
            mailing.mailing_domain,
            repr([("profiling_segment_ids", "in", self.segment.ids)]),
        )
        self.assertEqual(mailing.profiling_segment_id, self.segment)
        # Odoo's own recipient count (in the form) sees the segment members
        members = self.big | self.blacklisted | self.shrinking | self.twin
        members |= self.invalid
        self.assertEqual(
            mailing.total,
            self.env["res.partner"].search_count(mailing._get_recipients_domain()),
        )
        ours = members | self.small | self.growing
        selected = self.env["res.partner"].search(mailing._get_recipients_domain())
        self.assertEqual(selected & ours, members)

    def test_scheduled_mailing_goes_to_the_segment_as_it_is_when_sent(self):
        """The source's example: a discount to every customer whose average
        order is over €5,000, scheduled, then sent by the mass-mailing cron."""
        with freeze_time(datetime(2026, 1, 5, 8, 0)):
            mailing = self.new_mailing()
            mailing.schedule_type = "scheduled"
            mailing.schedule_date = datetime(2026, 1, 5, 9, 0)
            mailing.with_user(self.marketer).action_schedule()
            self.assertEqual(mailing.state, "in_queue")
        # between scheduling and sending, profiles change
        self.growing.profiling_line_ids.number_value = 12000
        self.shrinking.profiling_line_ids.number_value = 100
        with freeze_time(datetime(2026, 1, 5, 9, 5)):
            self.run_mailing_queue()
        self.assertEqual(mailing.state, "done")
        recipients = self.sent_to(mailing)
        snapshot = self.segment.snapshot_ids.filtered(lambda s: s.usage == "mailing")
        self.assertEqual(len(snapshot), 1, "segment size recorded when used")
        self.assertEqual(snapshot.member_count, len(mailing.mailing_trace_ids))
        self.assertIn(self.growing, recipients, "profiled in after scheduling")
        self.assertNotIn(self.shrinking, recipients, "profiled out after scheduling")
        self.assertNotIn(self.small, recipients)
        self.assertNotIn(self.blacklisted, recipients, "blacklist still applies")
        self.assertNotIn(self.invalid, recipients, "invalid address still refused")
        self.assertEqual(
            len(recipients & (self.big | self.twin)), 1, "one mail per address"
        )
        cancelled = mailing.mailing_trace_ids.filtered(
            lambda t: t.res_id == self.blacklisted.id
        )
        self.assertEqual(cancelled.failure_type, "mail_bl")

    def test_saved_mailing_filter_with_the_segment_is_reusable(self):
        mailing = self.new_mailing()
        saved = self.env["mailing.filter"].create(
            {
                "name": "Big spenders",
                "mailing_domain": mailing.mailing_domain,
                "mailing_model_id": mailing.mailing_model_id.id,
            }
        )
        form = Form(self.env["mailing.mailing"].with_user(self.marketer))
        form.subject = "Second campaign"
        form.mailing_model_id = mailing.mailing_model_id
        form.mailing_filter_id = saved
        second = form.save()
        self.assertEqual(second.profiling_segment_id, self.segment)
        self.assertEqual(second.total, mailing.total)

    def test_lead_mailing_goes_to_leads_of_segment_partners(self):
        Lead = self.env["crm.lead"]
        lead_big = Lead.create(
            {"name": "Big deal", "partner_id": self.big.id, "email_from": "b@x.com"}
        )
        Lead.create(
            {"name": "Small deal", "partner_id": self.small.id, "email_from": "s@x.com"}
        )
        mailing = self.new_mailing(model="crm.lead")
        recipients = Lead.search(mailing._get_recipients_domain())
        self.assertIn(lead_big, recipients)
        self.assertFalse(
            recipients.filtered(lambda lead: lead.partner_id == self.small)
        )

    def test_segment_of_a_scheduled_mailing_cannot_be_deleted(self):
        mailing = self.new_mailing()
        mailing.action_put_in_queue()
        with self.assertRaisesRegex(UserError, "scheduled"):
            self.segment.unlink()

    def test_mailing_whose_segment_vanished_is_held_with_a_reason(self):
        mailing = self.new_mailing()
        mailing.schedule_date = datetime(2020, 1, 1)
        mailing.action_put_in_queue()
        # the segment disappears behind the ORM's back (e.g. a database fix)
        self.env.cr.execute(
            "DELETE FROM crm_profiling_segment WHERE id = %s", [self.segment.id]
        )
        self.env.invalidate_all()
        self.run_mailing_queue()
        self.assertEqual(mailing.state, "draft", "not sent, and not closed as sent")
        self.assertFalse(mailing.mailing_trace_ids)
        self.assertTrue(
            any("no longer exists" in m.body for m in mailing.message_ids),
            "reason in the chatter",
        )
        with self.assertRaisesRegex(UserError, "no longer exists"):
            mailing.action_put_in_queue()

    def test_mailing_with_a_broken_segment_cannot_be_queued(self):
        mailing = self.new_mailing()
        self.average_order.active = False
        with self.assertRaisesRegex(UserError, "archived characteristic"):
            mailing.action_put_in_queue()
