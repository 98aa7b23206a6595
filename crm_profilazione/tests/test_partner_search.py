from odoo.tests import tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestPartnerSearch(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profile(cls.partner_a, cls.season, ["Spring", "Summer"])
        cls.profile(cls.partner_a, cls.order_amount, number_value=7200)
        cls.profile(cls.partner_b, cls.season, ["Winter"])
        cls.profile(cls.partner_b, cls.answer, ["Yes"])
        cls.profile(cls.partner_c, cls.fair)
        cls.unprofiled = cls.env["res.partner"].create({"name": "Delta"})
        cls.ours = cls.partner_a | cls.partner_b | cls.partner_c | cls.unprofiled

    def search_ours(self, domain):
        """Search among this test's partners only (the database has others)."""
        return self.env["res.partner"].search([("id", "in", self.ours.ids), *domain])

    def test_search_by_value(self):
        spring = self.value(self.season, "Spring")
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "in", spring.ids)]),
            self.partner_a,
        )
        either = self.value(self.season, "Spring") | self.value(self.answer, "Yes")
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "in", either.ids)]),
            self.partner_a | self.partner_b,
        )

    def test_search_by_value_name_as_typed_in_the_search_bar(self):
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "ilike", "winter")]),
            self.partner_b,
        )

    def test_search_by_bucketed_number_value(self):
        large = self.value(self.order_amount, "Large")
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "in", large.ids)]),
            self.partner_a,
        )

    def test_search_without_value(self):
        spring = self.value(self.season, "Spring")
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "not in", spring.ids)]),
            self.partner_b | self.partner_c | self.unprofiled,
        )

    def test_search_without_any_value(self):
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "=", False)]),
            self.partner_c | self.unprofiled,
        )
        self.assertEqual(
            self.search_ours([("profiling_value_ids", "!=", False)]),
            self.partner_a | self.partner_b,
        )

    def test_search_by_characteristic(self):
        self.assertEqual(
            self.search_ours([("profiling_ids", "in", self.season.ids)]),
            self.partner_a | self.partner_b,
        )
        self.assertEqual(
            self.search_ours([("profiling_ids", "in", self.fair.ids)]), self.partner_c
        )
        self.assertEqual(
            self.search_ours([("profiling_ids", "not in", self.season.ids)]),
            self.partner_c | self.unprofiled,
        )

    def test_search_by_type_and_family(self):
        self.assertEqual(
            self.search_ours([("profiling_type_ids", "in", self.type_commercial.ids)]),
            self.partner_a | self.partner_b,
        )
        self.assertEqual(
            self.search_ours([("profiling_family_ids", "in", self.family_outcome.ids)]),
            self.partner_b,
        )

    def test_profiled_and_not_profiled_filters(self):
        self.assertEqual(
            self.search_ours([("profiling_line_ids", "!=", False)]),
            self.partner_a | self.partner_b | self.partner_c,
        )
        self.assertEqual(
            self.search_ours([("profiling_line_ids", "=", False)]), self.unprofiled
        )

    def test_values_shown_as_tags_on_the_partner(self):
        self.assertEqual(
            set(self.partner_a.profiling_value_ids.mapped("name")),
            {"Spring", "Summer", "Large"},
        )
        self.assertEqual(self.partner_a.profiling_count, 2)
        self.assertEqual(self.unprofiled.profiling_count, 0)

    def test_smart_button_opens_the_partner_profiles(self):
        action = self.partner_a.action_open_profiling_lines()
        lines = self.env["crm.profiling.line"].search(action["domain"])
        self.assertEqual(lines, self.partner_a.profiling_line_ids)
        self.assertEqual(len(lines), 2)
