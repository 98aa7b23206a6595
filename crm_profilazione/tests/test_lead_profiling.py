from datetime import date

from odoo.tests import Form, tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestLeadProfiling(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Interested in the catalogue",
                "partner_name": "Delta Srl",
                "contact_name": "Dario Delta",
                "email_from": "dario@delta.example.com",
                "type": "lead",
            }
        )
        cls.profile_lead(cls.lead, cls.season, ["Spring"], profiled_on=date(2026, 5, 1))
        cls.profile_lead(
            cls.lead, cls.order_amount, number_value=7000, profiled_on=date(2026, 5, 1)
        )

    def convert(self, lead, action, partner=None):
        """Run Odoo's lead conversion wizard as a salesperson does."""
        context = {
            "active_model": "crm.lead",
            "active_id": lead.id,
            "active_ids": lead.ids,
        }
        form = Form(self.env["crm.lead2opportunity.partner"].with_context(**context))
        form.name = "convert"
        form.action = action
        if partner:
            form.partner_id = partner
        form.save().action_apply()
        return lead.partner_id

    def answers(self, partner):
        return {
            line.profiling_id.code: (set(line.value_ids.mapped("name")), line.source)
            for line in partner.profiling_line_ids
        }

    def test_conversion_to_a_new_customer_carries_the_profiles(self):
        partner = self.convert(self.lead, "create")
        self.assertEqual(partner.name, "Dario Delta")
        self.assertEqual(partner.parent_id.name, "Delta Srl")
        self.assertEqual(
            self.answers(partner),
            {"T_SEASON": ({"Spring"}, "lead"), "T_ORDER": ({"Large"}, "lead")},
        )
        self.assertEqual(partner.profiling_line_ids.origin_lead_id, self.lead)
        self.assertEqual(
            partner.profiling_line_ids.filtered(
                lambda line: line.profiling_id == self.order_amount
            ).number_value,
            7000,
        )
        self.assertEqual(len(self.lead.profiling_line_ids), 2, "the lead keeps its own")

    def test_conversion_to_an_existing_customer_adds_what_it_lacks(self):
        self.profile(self.partner_a, self.answer, ["No"])
        partner = self.convert(self.lead, "exist", self.partner_a)
        self.assertEqual(partner, self.partner_a)
        self.assertEqual(
            self.answers(partner),
            {
                "T_ANSWER": ({"No"}, "manual"),
                "T_SEASON": ({"Spring"}, "lead"),
                "T_ORDER": ({"Large"}, "lead"),
            },
        )

    def test_conflicting_answers_keep_the_more_recent_one(self):
        # the customer's season answer is newer than the lead's: kept
        self.profile(
            self.partner_a, self.season, ["Winter"], profiled_on=date(2026, 6, 1)
        )
        # the customer's order amount is older than the lead's: replaced
        self.profile(
            self.partner_a,
            self.order_amount,
            number_value=200,
            profiled_on=date(2026, 1, 1),
        )
        self.convert(self.lead, "exist", self.partner_a)
        self.assertEqual(
            self.answers(self.partner_a),
            {"T_SEASON": ({"Winter"}, "manual"), "T_ORDER": ({"Large"}, "lead")},
        )

    def test_mass_conversion_carries_every_lead(self):
        Lead = self.env["crm.lead"]
        second = Lead.create(
            {"name": "Second", "partner_name": "Epsilon Spa", "type": "lead"}
        )
        self.profile_lead(second, self.answer, ["Yes"])
        leads = self.lead | second
        context = {"active_model": "crm.lead", "active_ids": leads.ids}
        form = Form(
            self.env["crm.lead2opportunity.partner.mass"].with_context(**context)
        )
        form.action = "create"
        form.deduplicate = False
        form.save().action_mass_convert()
        self.assertEqual(
            set(self.answers(self.lead.partner_id)), {"T_SEASON", "T_ORDER"}
        )
        self.assertEqual(
            self.answers(second.partner_id), {"T_ANSWER": ({"Yes"}, "lead")}
        )

    def test_setting_the_customer_on_the_lead_carries_the_profiles(self):
        self.lead.partner_id = self.partner_b
        self.assertEqual(set(self.answers(self.partner_b)), {"T_SEASON", "T_ORDER"})

    def test_lead_search_matches_own_or_partner_profiles(self):
        Lead = self.env["crm.lead"]
        through_partner = Lead.create(
            {"name": "Via partner", "partner_id": self.partner_b.id}
        )
        self.profile(self.partner_b, self.season, ["Winter"])
        spring_or_winter = self.value(self.season, "Spring") | self.value(
            self.season, "Winter"
        )
        ours = [("id", "in", (self.lead | through_partner).ids)]
        self.assertEqual(
            Lead.search([*ours, ("profiling_value_ids", "in", spring_or_winter.ids)]),
            self.lead | through_partner,
        )
        self.assertEqual(
            Lead.search([*ours, ("profiling_value_ids", "ilike", "winter")]),
            through_partner,
        )
        self.assertEqual(
            Lead.search([*ours, ("profiling_value_ids", "not ilike", "winter")]),
            self.lead,
        )

    def test_lead_form_shows_the_customer_profile(self):
        self.profile(self.partner_b, self.answer, ["Yes"])
        self.lead.partner_id = self.partner_b
        self.assertEqual(
            self.lead.partner_profiling_line_ids, self.partner_b.profiling_line_ids
        )

    def test_merging_opportunities_keeps_their_profiles(self):
        Lead = self.env["crm.lead"]
        other = Lead.create({"name": "Duplicate", "type": "lead"})
        self.profile_lead(other, self.answer, ["Yes"], profiled_on=date(2026, 6, 1))
        self.profile_lead(other, self.season, ["Winter"], profiled_on=date(2026, 1, 1))
        merged = (self.lead | other).merge_opportunity(auto_unlink=True)
        answers = {
            line.profiling_id.code: set(line.value_ids.mapped("name"))
            for line in merged.profiling_line_ids
        }
        self.assertEqual(
            answers,
            {"T_SEASON": {"Spring"}, "T_ORDER": {"Large"}, "T_ANSWER": {"Yes"}},
        )
        self.assertTrue(
            merged.profiling_history_ids.filtered(
                lambda entry: entry.profiling_id == self.answer
            ),
            "the history of the merged lead is kept",
        )
