from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSegmentActivityTour(HttpCase):
    """Build a segment, plan activities for it and find them by the segment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profiling = cls.env["crm.profiling"].create(
            {
                "code": "TOUR_AMOUNT",
                "name": "Tour order amount",
                "value_mode": "number",
            }
        )
        cls.big_spender, cls.small_spender = cls.env["res.partner"].create(
            [
                {"name": "Tour Big Spender"},
                {"name": "Tour Small Spender"},
            ]
        )
        cls.env["crm.profiling.line"].create(
            [
                {
                    "partner_id": cls.big_spender.id,
                    "profiling_id": cls.profiling.id,
                    "number_value": 8000,
                },
                {
                    "partner_id": cls.small_spender.id,
                    "profiling_id": cls.profiling.id,
                    "number_value": 200,
                },
            ]
        )
        # An activity the segment filter of the activity list has to leave out
        cls.small_spender_activity = cls.small_spender.activity_schedule(
            "mail.mail_activity_data_todo", summary="Tour call"
        )

    def _tour_calls(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("summary", "=", "Tour call"),
            ]
        )

    def test_segment_plan_activities_and_search_them(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(
            admin.has_group("crm_profilazione.group_profiling_user"),
            "The tour runs as admin, who must be able to use segments.",
        )
        Segment = self.env["crm.profiling.segment"].with_context(active_test=False)
        self.assertFalse(Segment.search([("name", "=", "Tour big spenders")]))
        self.assertFalse(self._tour_calls(self.big_spender))

        self.start_tour(
            "/odoo/profiling-segments",
            "crm_profilazione_segment_activity_tour",
            login="admin",
        )

        segment = Segment.search([("name", "=", "Tour big spenders")])
        self.assertEqual(len(segment), 1, "The tour creates exactly one segment.")
        self.assertEqual(segment.match, "all")
        rule = segment.rule_ids
        self.assertEqual(len(rule), 1, "The segment has the one rule of the tour.")
        self.assertEqual(rule.profiling_id, self.profiling)
        self.assertEqual(rule.operator, "num_ge")
        self.assertEqual(rule.number, 5000)
        self.assertEqual(
            self.env["res.partner"].search(
                [
                    ("profiling_segment_ids", "in", segment.ids),
                    ("id", "in", (self.big_spender | self.small_spender).ids),
                ]
            ),
            self.big_spender,
        )

        activity = self._tour_calls(self.big_spender)
        self.assertEqual(
            len(activity), 1, "The wizard plans one activity for the member."
        )
        self.assertEqual(activity.user_id, admin, "Assigned to the chosen user.")
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_call")
        )
        self.assertEqual(
            self.small_spender.activity_ids,
            self.small_spender_activity,
            "The partner outside the segment only keeps its earlier activity.",
        )
