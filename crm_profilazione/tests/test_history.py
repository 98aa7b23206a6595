from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestProfilingHistory(ProfilingCommon):
    def history(self, partner):
        return self.env["crm.profiling.history"].search(
            [("partner_id", "=", partner.id)], order="id"
        )

    def test_create_change_and_remove_are_recorded(self):
        line = self.profile(self.partner_a, self.answer, ["Yes"])
        line.value_ids = self.value(self.answer, "No")
        line.note = "only a note: not an answer change"
        line.unlink()
        created, changed, removed = self.history(self.partner_a)
        self.assertEqual(
            [created.event, changed.event, removed.event],
            ["create", "change", "remove"],
        )
        self.assertFalse(created.old_value_ids)
        self.assertEqual(created.new_value_ids.name, "Yes")
        self.assertEqual(changed.old_value_ids.name, "Yes")
        self.assertEqual(changed.new_value_ids.name, "No")
        self.assertEqual(removed.old_value_ids.name, "No")
        self.assertFalse(removed.new_value_ids)
        self.assertEqual(created.user_id, self.env.user)
        self.assertFalse(self.partner_a.profiling_line_ids, "gone from the profile")
        self.assertEqual(
            len(self.partner_a.profiling_history_ids), 3, "kept in history"
        )

    def test_numbers_and_texts_are_recorded(self):
        line = self.profile(self.partner_a, self.order_amount, number_value=900)
        line.number_value = 6100
        change = self.history(self.partner_a)[-1]
        self.assertEqual((change.old_number, change.new_number), (900, 6100))
        self.assertEqual(change.old_value_ids.name, "Small")
        self.assertEqual(change.new_value_ids.name, "Large")

    def test_partners_whose_value_changed_recently(self):
        with freeze_time(datetime(2026, 1, 10)):
            old = self.profile(self.partner_a, self.answer, ["Yes"])
            old.value_ids = self.value(self.answer, "No")
            recent = self.profile(self.partner_b, self.answer, ["Yes"])
            self.profile(self.partner_c, self.answer, ["Yes"])
        with freeze_time(datetime(2026, 3, 1)):
            recent.value_ids = self.value(self.answer, "No")
            changed_since = [
                (
                    "profiling_history_ids",
                    "any",
                    [
                        ("profiling_id", "=", self.answer.id),
                        ("event", "=", "change"),
                        ("date", ">=", "2026-01-30"),
                    ],
                )
            ]
            ours = [
                ("id", "in", (self.partner_a | self.partner_b | self.partner_c).ids)
            ]
            Partner = self.env["res.partner"]
            self.assertEqual(Partner.search([*ours, *changed_since]), self.partner_b)
            was_yes = [
                (
                    "profiling_history_ids.old_value_ids",
                    "in",
                    self.value(self.answer, "Yes").ids,
                )
            ]
            self.assertEqual(
                Partner.search([*ours, *was_yes]), self.partner_a | self.partner_b
            )

    def test_history_is_read_only(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        entry = self.history(self.partner_a).with_user(self.user_manager)
        self.assertTrue(entry.event)
        self.assertFalse(entry.has_access("write"))
        self.assertFalse(entry.has_access("unlink"))
        History = self.env["crm.profiling.history"]
        self.assertFalse(History.with_user(self.user_profiling).has_access("create"))
        self.assertFalse(History.with_user(self.user_internal).has_access("read"))
