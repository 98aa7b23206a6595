from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestSegmentEvaluation(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.p_spring = Partner.create({"name": "Spring only", "is_company": True})
        cls.p_spring_summer = Partner.create({"name": "Spring and summer"})
        cls.p_winter = Partner.create({"name": "Winter"})
        cls.p_unprofiled = Partner.create({"name": "Unprofiled"})
        cls.p_1000 = Partner.create({"name": "Orders 1000"})
        cls.p_5000 = Partner.create({"name": "Orders 5000"})
        cls.p_5001 = Partner.create({"name": "Orders 5000.01", "is_company": True})
        cls.profile(cls.p_spring, cls.season, ["Spring"])
        cls.profile(cls.p_spring_summer, cls.season, ["Spring", "Summer"])
        cls.profile(cls.p_winter, cls.season, ["Winter"])
        cls.profile(cls.p_1000, cls.order_amount, number_value=1000)
        cls.profile(cls.p_5000, cls.order_amount, number_value=5000)
        cls.profile(cls.p_5001, cls.order_amount, number_value=5000.01)
        cls.profile(cls.p_5001, cls.season, ["Summer"])
        cls.ours = (
            cls.p_spring
            | cls.p_spring_summer
            | cls.p_winter
            | cls.p_unprofiled
            | cls.p_1000
            | cls.p_5000
            | cls.p_5001
        )

    def members(self, segment):
        """The segment's members among this test's partners."""
        return self.env["res.partner"].search(
            [("id", "in", self.ours.ids), ("profiling_segment_ids", "in", segment.ids)]
        )

    def assertMembers(self, rules, expected, **segment_kwargs):
        segment = self.create_segment(rules, **segment_kwargs)
        self.assertEqual(self.members(segment), expected, rules)
        return segment

    def test_value_operators(self):
        season = self.season
        self.assertMembers(
            [(season, "has_any", ["Spring", "Winter"])],
            self.p_spring | self.p_spring_summer | self.p_winter,
        )
        self.assertMembers(
            [(season, "has_all", ["Spring", "Summer"])], self.p_spring_summer
        )
        self.assertMembers(
            [(season, "has_none", ["Spring"])],
            self.p_winter | self.p_unprofiled | self.p_1000 | self.p_5000 | self.p_5001,
        )

    def test_presence_operators(self):
        self.assertMembers(
            [(self.order_amount, "profiled", None)],
            self.p_1000 | self.p_5000 | self.p_5001,
        )
        self.assertMembers(
            [(self.season, "not_profiled", None)],
            self.p_unprofiled | self.p_1000 | self.p_5000,
        )

    def test_number_operators_at_range_borders(self):
        amount = self.order_amount
        expectations = {
            ("num_eq", 5000): self.p_5000,
            ("num_ne", 5000): self.p_1000 | self.p_5001,
            ("num_lt", 5000): self.p_1000,
            ("num_le", 5000): self.p_1000 | self.p_5000,
            ("num_gt", 5000): self.p_5001,
            ("num_ge", 5000): self.p_5000 | self.p_5001,
            ("num_between", (1000, 5000)): self.p_1000 | self.p_5000,
        }
        for (operator, operand), expected in expectations.items():
            self.assertMembers([(amount, operator, operand)], expected)

    def test_bucket_value_of_a_number_characteristic(self):
        self.assertMembers([(self.order_amount, "has_any", ["Large"])], self.p_5001)
        self.assertMembers([(self.order_amount, "has_any", ["Medium"])], self.p_5000)

    def test_match_all_or_any_rule(self):
        rules = [
            (self.season, "has_any", ["Summer"]),
            (self.order_amount, "num_ge", 5000),
        ]
        self.assertMembers(rules, self.p_5001, match="all")
        self.assertMembers(
            rules, self.p_spring_summer | self.p_5000 | self.p_5001, match="any"
        )

    def test_extra_partner_domain(self):
        self.assertMembers(
            [(self.season, "has_any", ["Spring", "Summer"])],
            self.p_spring | self.p_5001,
            partner_domain="[('is_company', '=', True)]",
        )

    def test_segment_is_evaluated_when_used_not_copied(self):
        segment = self.assertMembers(
            [(self.season, "has_any", ["Winter"])], self.p_winter
        )
        self.profile(self.p_unprofiled, self.season, ["Winter"])
        self.p_winter.profiling_line_ids.unlink()
        self.assertEqual(self.members(segment), self.p_unprofiled)

    def test_negative_and_by_name_segment_searches(self):
        segment = self.create_segment(
            [(self.season, "has_any", ["Spring"])], name="Spring buyers"
        )
        Partner = self.env["res.partner"]
        ours = [("id", "in", self.ours.ids)]
        self.assertEqual(
            Partner.search([*ours, ("profiling_segment_ids", "not in", segment.ids)]),
            self.ours - self.p_spring - self.p_spring_summer,
        )
        self.assertEqual(
            Partner.search([*ours, ("profiling_segment_ids", "ilike", "spring buy")]),
            self.p_spring | self.p_spring_summer,
        )

    def test_partner_count_and_open_partners(self):
        segment = self.create_segment([(self.season, "has_any", ["Winter"])])
        self.assertEqual(segment.partner_count, 1)
        action = segment.action_open_partners()
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]), self.p_winter
        )

    def test_deleted_segment_selects_nobody(self):
        segment = self.create_segment([(self.season, "has_any", ["Winter"])])
        segment_id = segment.id
        segment.unlink()
        self.assertFalse(
            self.env["res.partner"].search(
                [("profiling_segment_ids", "in", [segment_id])]
            )
        )

    def test_segment_referring_to_itself_is_refused(self):
        segment = self.create_segment([(self.season, "has_any", ["Winter"])])
        with self.assertRaisesRegex(ValidationError, "refers to itself"):
            segment.partner_domain = repr(segment._get_member_domain())

    def test_segment_may_use_another_segment(self):
        winter = self.create_segment([(self.season, "has_any", ["Winter", "Summer"])])
        companies = self.create_segment(
            [],
            partner_domain=repr(
                [("is_company", "=", True), *winter._get_member_domain()]
            ),
        )
        self.assertEqual(self.members(companies), self.p_5001)

    def test_invalid_contact_filter_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid domain"):
            self.create_segment([], partner_domain="[('is_company', '=', uid)]")

    def test_invalid_rules_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least one value"):
            self.create_segment([(self.season, "has_any", [])])
        with self.assertRaisesRegex(ValidationError, "does not hold numbers"):
            self.create_segment([(self.season, "num_ge", 3)])
        with self.assertRaisesRegex(ValidationError, "must not be greater"):
            self.create_segment([(self.order_amount, "num_between", (10, 1))])

    def test_archived_characteristic_is_reported(self):
        segment = self.create_segment([(self.season, "has_any", ["Winter"])])
        self.season.active = False
        segment.invalidate_recordset(["partner_count", "problem"])
        self.assertIn("archived characteristic", segment.problem)
        with self.assertRaisesRegex(ValidationError, "archived characteristic"):
            self.create_segment([(self.season, "profiled", None)])


@tagged("post_install", "-at_install")
class TestLeadSegmentSearch(ProfilingCommon):
    def test_leads_are_selected_through_their_partner(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        self.profile(self.partner_b, self.answer, ["No"])
        Lead = self.env["crm.lead"]
        lead_a, lead_b, lead_none = Lead.create(
            [
                {"name": "Lead A", "partner_id": self.partner_a.id},
                {"name": "Lead B", "partner_id": self.partner_b.id},
                {"name": "Lead without partner"},
            ]
        )
        segment = self.create_segment([(self.answer, "has_any", ["Yes"])])
        ours = [("id", "in", (lead_a | lead_b | lead_none).ids)]
        self.assertEqual(
            Lead.search([*ours, ("profiling_segment_ids", "in", segment.ids)]), lead_a
        )
        self.assertEqual(
            Lead.search([*ours, ("profiling_segment_ids", "not in", segment.ids)]),
            lead_b | lead_none,
        )
