from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import ProfilingCommon

ALL = frozenset(("read", "write", "create", "unlink"))
READ = frozenset(("read",))
NONE = frozenset()
TAXONOMY = ("crm.profiling.type", "crm.profiling.family", "crm.profiling")
TAXONOMY += ("crm.profiling.value",)
PROFILES = ("crm.profiling.line", "crm.profiling.segment")
PROFILES += ("crm.profiling.segment.rule",)
LOGS = ("crm.profiling.history", "crm.profiling.report")
LOGS += ("crm.profiling.segment.snapshot",)
WIZARDS = ("crm.profiling.activity.plan", "crm.profiling.bulk.assign")


@tagged("post_install", "-at_install")
class TestAccessMatrix(ProfilingCommon):
    """Every model and operation, for every kind of user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_sales_elsewhere = new_test_user(
            cls.env,
            login="sales_elsewhere",
            name="Sales User Elsewhere",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.user_public = cls.env.ref("base.public_user")

    def allowed(self, user, model):
        Model = self.env[model].with_user(user)
        return {op for op in ALL if Model.has_access(op)}

    def test_operations_per_model_and_user(self):
        wizard = frozenset(("read", "write", "create"))
        # user -> (taxonomy, profiles and segments, history and report, wizards)
        matrix = {
            self.user_internal: (NONE, NONE, NONE, NONE),
            self.user_profiling: (READ, ALL, READ, wizard),
            self.user_manager: (ALL, ALL, READ, wizard),
            self.user_sales_elsewhere: (READ, ALL, READ, wizard),
            self.user_portal: (NONE, NONE, NONE, NONE),
            self.user_public: (NONE, NONE, NONE, NONE),
        }
        for user, rights in matrix.items():
            groups = (TAXONOMY, PROFILES, LOGS, WIZARDS)
            for models, want in zip(groups, rights, strict=True):
                for model in models:
                    self.assertEqual(
                        self.allowed(user, model), want, f"{user.login} on {model}"
                    )

    def test_records_of_another_company_stay_invisible(self):
        partner_here = self.env["res.partner"].create(
            {"name": "Here", "company_id": self.company.id}
        )
        line = self.profile(partner_here, self.answer, ["Yes"])
        local = self.env["crm.profiling"].create(
            {"name": "Local", "code": "LOCAL_ONLY", "company_id": self.company.id}
        )
        segment = self.create_segment([(self.answer, "has_any", ["Yes"])])
        elsewhere = self.user_sales_elsewhere
        for record in (line, local, segment, line.profiling_id.value_ids[:1]):
            found = record.with_user(elsewhere).search([("id", "=", record.id)])
            expected = record if not record.company_id else record.browse()
            self.assertEqual(found, expected, record)
        with self.assertRaises(AccessError):
            line.with_user(elsewhere).value_ids = self.value(self.answer, "No")
        history = self.env["crm.profiling.history"].search(
            [("partner_id", "=", partner_here.id)]
        )
        self.assertTrue(history)
        self.assertFalse(
            history.with_user(elsewhere).search([("id", "in", history.ids)])
        )

    def test_wizards_refuse_users_without_the_group(self):
        for user in (self.user_internal, self.user_portal):
            for model in WIZARDS:
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).create(
                        {"profiling_id": self.answer.id}
                        if model.endswith("bulk.assign")
                        else {
                            "activity_type_id": self.env.ref(
                                "mail.mail_activity_data_call"
                            ).id
                        }
                    )


@tagged("post_install", "-at_install")
class TestSegmentScope(ProfilingCommon):
    """Segments never reveal partners the user cannot read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.here = Partner.create(
            {"name": "Here", "company_id": cls.company.id, "email": "h@x.com"}
        )
        cls.there = Partner.create(
            {"name": "There", "company_id": cls.other_company.id, "email": "t@x.com"}
        )
        cls.shared = Partner.create({"name": "Shared", "email": "s@x.com"})
        for partner in (cls.here, cls.there, cls.shared):
            cls.profile(partner, cls.answer, ["Yes"])
        cls.segment = cls.create_segment([(cls.answer, "has_any", ["Yes"])])
        cls.ours = cls.here | cls.there | cls.shared

    def members_as(self, user):
        return (
            self.env["res.partner"]
            .with_user(user)
            .search(
                [
                    ("id", "in", self.ours.ids),
                    ("profiling_segment_ids", "in", self.segment.ids),
                ]
            )
        )

    @users("profiler")
    def test_segment_search_and_count_follow_record_rules(self):
        self.assertEqual(self.members_as(self.env.user), self.here | self.shared)
        segment = self.segment.with_user(self.env.user)
        total = self.env["res.partner"].search_count(segment._get_member_domain())
        self.assertEqual(segment.partner_count, total)
        self.assertNotIn(
            self.there,
            self.env["res.partner"].search(segment._get_member_domain()),
        )

    def test_mailing_cron_stays_within_the_mailing_author_companies(self):
        marketer = new_test_user(
            self.env,
            login="scoped_marketer",
            groups="base.group_partner_manager,mass_mailing.group_mass_mailing_user,"
            "crm_profilazione.group_profiling_user",
        )
        mailing = (
            self.env["mailing.mailing"]
            .with_user(marketer)
            .create(
                {
                    "subject": "Scoped",
                    "mailing_model_id": self.env["ir.model"]._get("res.partner").id,
                    "mailing_domain": repr(self.segment._get_member_domain()),
                    "body_html": "<p>Hello</p>",
                }
            )
        )
        recipients = (
            self.env["res.partner"]
            .sudo()
            .search(mailing.sudo()._get_recipients_domain())
        )
        self.assertIn(self.here, recipients)
        self.assertIn(self.shared, recipients)
        self.assertNotIn(self.there, recipients, "another company's partner")
