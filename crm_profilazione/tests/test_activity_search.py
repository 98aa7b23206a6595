from odoo.tests import tagged, users

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestActivitySearch(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profile(cls.partner_a, cls.order_amount, number_value=7200)
        cls.profile(cls.partner_a, cls.season, ["Spring"])
        cls.profile(cls.partner_b, cls.order_amount, number_value=300)
        Lead = cls.env["crm.lead"]
        mine = {"user_id": cls.user_salesman.id}
        cls.lead_a = Lead.create(
            {"name": "Deal with Alpha", "partner_id": cls.partner_a.id, **mine}
        )
        cls.lead_b = Lead.create(
            {"name": "Deal with Beta", "partner_id": cls.partner_b.id, **mine}
        )
        cls.lead_none = Lead.create({"name": "Anonymous deal", **mine})
        cls.activities = cls.env["mail.activity"]
        for record in (
            cls.partner_a,
            cls.partner_b,
            cls.partner_c,
            cls.lead_a,
            cls.lead_b,
            cls.lead_none,
        ):
            cls.activities |= record.activity_schedule(
                "mail.mail_activity_data_todo", user_id=cls.user_profiling.id
            )
        cls.act_partner_a, cls.act_partner_b, _c, cls.act_lead_a, _b, _n = (
            cls.activities
        )

    def search_ours(self, domain):
        return self.env["mail.activity"].search(
            [("id", "in", self.activities.ids), *domain]
        )

    @users("salesman")
    def test_filter_activities_by_partner_profiling_value(self):
        large = self.value(self.order_amount, "Large")
        self.assertEqual(
            self.search_ours(
                [("profiling_partner_id.profiling_value_ids", "in", large.ids)]
            ),
            self.act_partner_a | self.act_lead_a,
        )
        # as typed in the search bar
        self.assertEqual(
            self.search_ours(
                [("profiling_partner_id.profiling_value_ids", "ilike", "Large")]
            ),
            self.act_partner_a | self.act_lead_a,
        )

    @users("salesman")
    def test_filter_activities_by_characteristic_type_and_family(self):
        self.assertEqual(
            self.search_ours(
                [("profiling_partner_id.profiling_ids", "in", self.order_amount.ids)]
            ),
            self.act_partner_a
            | self.act_partner_b
            | self.act_lead_a
            | self.activities[4],
        )
        self.assertEqual(
            self.search_ours(
                [
                    (
                        "profiling_partner_id.profiling_family_ids",
                        "in",
                        self.family_purchase.ids,
                    )
                ]
            ),
            self.act_partner_a | self.act_lead_a,
        )

    @users("salesman")
    def test_filter_activities_by_segment(self):
        segment = self.create_segment(
            [(self.order_amount, "num_ge", 5000)], name="Big spenders"
        )
        self.assertEqual(
            self.search_ours(
                [("profiling_partner_id.profiling_segment_ids", "ilike", "big spend")]
            ),
            self.act_partner_a | self.act_lead_a,
        )
        self.assertEqual(
            self.search_ours(
                [("profiling_partner_id.profiling_segment_ids", "in", segment.ids)]
            ),
            self.act_partner_a | self.act_lead_a,
        )

    @users("salesman")
    def test_search_bar_fields_propose_values_and_segments(self):
        segment = self.create_segment(
            [(self.order_amount, "num_ge", 5000)], name="Big spenders"
        )
        large = self.value(self.order_amount, "Large")
        Activity = self.env["mail.activity"]
        fields = Activity.fields_get(["partner_profiling_value_ids"])
        self.assertEqual(
            fields["partner_profiling_value_ids"]["relation"], "crm.profiling.value"
        )
        for domain in (
            [("partner_profiling_value_ids", "in", large.ids)],
            [("partner_profiling_value_ids", "ilike", "large")],
            [("partner_profiling_segment_ids", "in", segment.ids)],
            [("partner_profiling_family_ids", "in", self.family_purchase.ids)],
        ):
            self.assertEqual(
                self.search_ours(domain), self.act_partner_a | self.act_lead_a, domain
            )
        self.assertEqual(
            self.search_ours([("partner_profiling_value_ids", "not in", large.ids)]),
            self.activities - self.act_partner_a - self.act_lead_a,
        )

    def test_activity_shows_the_partner_it_concerns(self):
        self.assertEqual(self.act_partner_a.profiling_partner_id, self.partner_a)
        self.assertEqual(self.act_lead_a.profiling_partner_id, self.partner_a)
        self.assertFalse(self.activities[5].profiling_partner_id)
