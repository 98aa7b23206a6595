from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestActivityPlanning(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_salesman.write({"company_ids": [Command.link(cls.other_company.id)]})
        cls.salesperson = cls.env["res.users"].create(
            {
                "name": "Account Manager",
                "login": "account_manager",
                "group_ids": [Command.link(cls.env.ref("base.group_user").id)],
            }
        )
        # 600 partners over two companies: more than Odoo's 500-record batches
        vals = []
        for index in range(600):
            vals.append(
                {
                    "name": f"Planned {index:03d}",
                    "company_id": (cls.company if index % 2 else cls.other_company).id,
                    "user_id": cls.salesperson.id if index % 3 == 0 else False,
                }
            )
        cls.targets = cls.env["res.partner"].create(vals)
        cls.env["crm.profiling.line"].create(
            [
                {
                    "partner_id": partner.id,
                    "profiling_id": cls.answer.id,
                    "value_ids": [Command.set(cls.value(cls.answer, "Yes").ids)],
                }
                for partner in cls.targets
            ]
        )
        cls.segment = cls.create_segment([(cls.answer, "has_any", ["Yes"])])
        cls.call = cls.env.ref("mail.mail_activity_data_call")

    def plan(self, **values):
        wizard = self.env["crm.profiling.activity.plan"].create(
            {"activity_type_id": self.call.id, **values}
        )
        wizard.action_plan()
        return wizard

    @users("salesman")
    def test_plan_for_a_segment_across_companies_by_salesperson(self):
        wizard = self.plan(
            target="segment",
            segment_id=self.segment.id,
            summary="Present the catalogue",
            deadline_mode="days",
            deadline_days=3,
            responsible_mode="salesperson",
            user_id=self.user_manager.id,
        )
        activities = wizard.created_activity_ids
        self.assertEqual(wizard.created_count, 600)
        self.assertEqual(
            self.segment.sudo().snapshot_ids.mapped("member_count"),
            [600],
            "segment size recorded when used",
        )
        self.assertEqual(len(activities), 600)
        self.assertEqual(set(activities.mapped("res_id")), set(self.targets.ids))
        with_salesperson = self.targets.filtered("user_id")
        by_partner = {activity.res_id: activity for activity in activities.sudo()}
        for partner in self.targets:
            expected = self.salesperson if partner.user_id else self.user_manager
            self.assertEqual(by_partner[partner.id].user_id, expected, partner.name)
        self.assertEqual(len(with_salesperson), 200)
        self.assertEqual(set(activities.mapped("summary")), {"Present the catalogue"})
        self.assertEqual(
            set(activities.mapped("date_deadline")),
            {activities[0].date_deadline},
        )

    def test_each_responsible_gets_one_message_not_one_per_activity(self):
        Message = self.env["mail.message"]
        before = Message.search_count(
            [("partner_ids", "in", self.salesperson.partner_id.ids)]
        )
        self.plan(
            target="segment",
            segment_id=self.segment.id,
            responsible_mode="salesperson",
            user_id=self.user_manager.id,
        )
        after = Message.search_count(
            [("partner_ids", "in", self.salesperson.partner_id.ids)]
        )
        self.assertEqual(after - before, 1)

    def test_skip_partners_with_an_open_activity_of_the_type(self):
        already = self.targets[:10]
        for partner in already:
            partner.activity_schedule("mail.mail_activity_data_call")
        wizard = self.plan(
            target="segment",
            segment_id=self.segment.id,
            responsible_mode="user",
            user_id=self.user_manager.id,
            skip_existing=True,
        )
        self.assertEqual(wizard.created_count, 590)
        self.assertEqual(wizard.skipped_existing_count, 10)
        self.assertNotIn(already[0].id, wizard.created_activity_ids.mapped("res_id"))
        again = self.plan(
            target="partners",
            partner_ids=[Command.set(already.ids)],
            responsible_mode="user",
            user_id=self.user_manager.id,
            skip_existing=False,
        )
        self.assertEqual(again.created_count, 10)

    def test_selected_partners_from_the_contact_list(self):
        selection = self.targets[:550]
        context = {"active_model": "res.partner", "active_ids": selection.ids}
        form = Form(self.env["crm.profiling.activity.plan"].with_context(**context))
        self.assertEqual(form.target, "partners")
        self.assertEqual(form.partner_count, 550)
        form.activity_type_id = self.call
        form.responsible_mode = "user"
        form.user_id = self.user_manager
        wizard = form.save()
        wizard.action_plan()
        self.assertEqual(wizard.created_count, 550)

    def test_select_all_beyond_the_id_limit_uses_the_domain(self):
        self.env["ir.config_parameter"].set_param("web.active_ids_limit", 100)
        context = {
            "active_model": "res.partner",
            "active_ids": self.targets[:100].ids,
            "active_domain": [("name", "=like", "Planned %")],
        }
        wizard = (
            self.env["crm.profiling.activity.plan"]
            .with_context(**context)
            .create({"activity_type_id": self.call.id})
        )
        self.assertEqual(wizard.target, "domain")
        self.assertEqual(wizard.partner_count, 600)

    @users("profiler")
    def test_planning_requires_the_right_to_edit_contacts(self):
        with self.assertRaisesRegex(UserError, "right to edit"):
            self.plan(target="segment", segment_id=self.segment.id)
        self.assertFalse(
            self.env["mail.activity"]
            .sudo()
            .search(
                [("res_model", "=", "res.partner"), ("res_id", "in", self.targets.ids)]
            )
        )

    def test_fixed_date_deadline_and_empty_target(self):
        wizard = self.plan(
            target="partners",
            partner_ids=[Command.set(self.partner_a.ids)],
            deadline_mode="date",
            date_deadline="2030-01-15",
            responsible_mode="user",
            user_id=self.user_manager.id,
        )
        self.assertEqual(str(wizard.created_activity_ids.date_deadline), "2030-01-15")
        with self.assertRaisesRegex(UserError, "No record matches"):
            self.plan(target="domain", partner_domain="[('id', '=', 0)]")


@tagged("post_install", "-at_install")
class TestLeadActivityPlanning(ProfilingCommon):
    def test_plan_for_the_leads_of_a_segment(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        Lead = self.env["crm.lead"]
        lead_partner, lead_own, lead_other = Lead.create(
            [
                {"name": "Through partner", "partner_id": self.partner_a.id},
                {"name": "Own profile", "user_id": self.user_salesman.id},
                {"name": "Not in segment", "partner_id": self.partner_b.id},
            ]
        )
        self.profile_lead(lead_own, self.answer, ["Yes"])
        segment = self.create_segment([(self.answer, "has_any", ["Yes"])])
        wizard = self.env["crm.profiling.activity.plan"].create(
            {
                "res_model": "crm.lead",
                "target": "segment",
                "segment_id": segment.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                "responsible_mode": "salesperson",
                "user_id": self.user_manager.id,
            }
        )
        self.assertEqual(
            wizard.partner_count,
            Lead.search_count([("profiling_segment_ids", "in", segment.ids)]),
        )
        wizard.action_plan()
        activities = wizard.created_activity_ids
        self.assertEqual(set(activities.mapped("res_model")), {"crm.lead"})
        planned = Lead.browse(activities.mapped("res_id"))
        self.assertIn(lead_partner, planned)
        self.assertIn(lead_own, planned)
        self.assertNotIn(lead_other, planned)
        own_activity = activities.filtered(lambda a: a.res_id == lead_own.id)
        self.assertEqual(own_activity.user_id, self.user_salesman, "lead salesperson")
