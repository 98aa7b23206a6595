from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestProfilingReport(ProfilingCommon):
    """The profiling analysis counts the current profiles, live."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        italy, france, germany = (
            cls.env.ref(f"base.{code}") for code in ("it", "fr", "de")
        )
        # Alpha: customer, Beta: vendor, Gamma: customer without salesperson
        cls.partner_a.write(
            {
                "customer_rank": 1,
                "user_id": cls.user_salesman.id,
                "country_id": italy.id,
            }
        )
        cls.partner_b.write(
            {
                "supplier_rank": 1,
                "user_id": cls.user_salesman.id,
                "country_id": france.id,
            }
        )
        cls.partner_c.customer_rank = 1
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Trade fair contact",
                "user_id": cls.user_profiling.id,
                "country_id": germany.id,
            }
        )

        cls.profile(cls.partner_a, cls.season, ["Spring", "Summer"])
        cls.profile(cls.partner_b, cls.season, ["Summer"])
        cls.profile(cls.partner_c, cls.season, ["Winter"])
        cls.profile(cls.partner_a, cls.answer, ["Yes"])
        cls.profile(cls.partner_b, cls.answer, ["No"])
        cls.line_c_answer = cls.profile(cls.partner_c, cls.answer, ["Yes"])
        cls.profile(cls.partner_a, cls.order_amount, number_value=2500)
        cls.profile(cls.partner_b, cls.order_amount, number_value=7000)
        cls.profile(cls.partner_a, cls.fair)
        cls.profile(cls.partner_c, cls.interests, text_value="Wine")
        cls.env["crm.profiling.line"].create(
            {
                "lead_id": cls.lead.id,
                "profiling_id": cls.season.id,
                "value_ids": [Command.set(cls.value(cls.season, "Spring").ids)],
            }
        )
        cls.partners = cls.partner_a | cls.partner_b | cls.partner_c

    def group(self, groupby, aggregate="__count", domain=(), user=None):
        """Return {group key: aggregate} over this test's profiles.

        Many2one keys are given by name, False for an empty group.
        """
        Report = self.env["crm.profiling.report"]
        if user:
            Report = Report.with_user(user)
        scope = [
            "|",
            ("partner_id", "in", self.partners.ids),
            ("lead_id", "=", self.lead.id),
        ]
        result = {}
        for key, value in Report._read_group(
            scope + list(domain), [groupby], [aggregate]
        ):
            name = key.name if hasattr(key, "_name") else key
            result[name or False] = value
        return result

    def test_rows_per_value(self):
        self.assertEqual(
            self.group("value_id", domain=[("profiling_id", "=", self.season.id)]),
            {"Spring": 2, "Summer": 2, "Winter": 1},
            "one row per profile and value, the lead's included",
        )
        self.assertEqual(
            self.group(
                "value_id",
                "partner_count:count_distinct",
                domain=[("profiling_id", "=", self.season.id)],
            ),
            {"Spring": 1, "Summer": 2, "Winter": 1},
            "the lead is no partner",
        )
        self.assertEqual(
            self.group(
                "value_id", domain=[("profiling_id", "=", self.order_amount.id)]
            ),
            {"Medium": 1, "Large": 1},
            "numbers counted in their range value",
        )

    def test_profiles_without_value(self):
        """Presence and text profiles give one row with no value."""
        for profiling in (self.fair, self.interests):
            self.assertEqual(
                self.group("value_id", domain=[("profiling_id", "=", profiling.id)]),
                {False: 1},
                profiling.code,
            )

    def test_counts_per_characteristic(self):
        self.assertEqual(
            self.group("profiling_id"),
            {"T_Season": 5, "T_Answer": 3, "T_Order": 2, "T_Fair": 1, "T_Interests": 1},
        )
        self.assertEqual(
            self.group("profiling_id", "partner_count:count_distinct"),
            {"T_Season": 3, "T_Answer": 3, "T_Order": 2, "T_Fair": 1, "T_Interests": 1},
            "a partner with two values is one partner",
        )
        self.assertEqual(
            self.group("profiling_id", "lead_count:count_distinct"),
            {"T_Season": 1, "T_Answer": 0, "T_Order": 0, "T_Fair": 0, "T_Interests": 0},
        )
        self.assertEqual(
            self.group(
                "profiling_id",
                "number_value:avg",
                domain=[("number_value", "!=", False)],
            ),
            {"T_Order": 4750.0},
            "only number characteristics carry a number",
        )

    def test_counts_per_type_and_family(self):
        self.assertEqual(
            self.group("type_id", "partner_count:count_distinct"),
            {"Commercial": 3, False: 3},
        )
        self.assertEqual(
            self.group("family_id", "partner_count:count_distinct"),
            {"Purchase": 3, "Outcome": 3, False: 3},
        )

    def test_customers_and_vendors(self):
        self.assertEqual(
            self.group("is_customer", "partner_count:count_distinct"),
            {True: 2, False: 1},
        )
        self.assertEqual(
            self.group("is_supplier", "partner_count:count_distinct"),
            {True: 1, False: 2},
        )
        self.assertEqual(
            self.group(
                "value_id",
                "partner_count:count_distinct",
                domain=[
                    ("profiling_id", "=", self.answer.id),
                    ("is_customer", "=", True),
                ],
            ),
            {"Yes": 2},
        )

    def test_salesperson_and_country(self):
        """Partner profiles take the partner's, lead profiles the lead's."""
        self.assertEqual(
            self.group("user_id", "partner_count:count_distinct"),
            {"Sales User": 2, "Profiling User": 0, False: 1},
        )
        self.assertEqual(
            self.group("user_id", "lead_count:count_distinct"),
            {"Sales User": 0, "Profiling User": 1, False: 0},
        )
        self.assertEqual(
            self.group("country_id", domain=[("profiling_id", "=", self.season.id)]),
            {"Italy": 2, "France": 1, "Germany": 1, False: 1},
        )
        self.assertEqual(
            self.group("record_kind"),
            {"partner": 11, "lead": 1},
        )

    def test_report_is_live(self):
        """A changed profile, or a new customer, shows at once."""
        self.line_c_answer.value_ids = self.value(self.answer, "No")
        self.partner_b.customer_rank = 1
        self.assertEqual(
            self.group("value_id", domain=[("profiling_id", "=", self.answer.id)]),
            {"Yes": 1, "No": 2},
        )
        self.assertEqual(
            self.group("is_customer", "partner_count:count_distinct"),
            {True: 3, False: 0},
            "the lead's row is no customer and no partner",
        )
        self.line_c_answer.unlink()
        self.assertEqual(
            self.group("value_id", domain=[("profiling_id", "=", self.answer.id)]),
            {"Yes": 1, "No": 1},
        )

    def test_archived_partner_hidden(self):
        self.partner_b.action_archive()
        self.assertEqual(
            self.group("profiling_id", "partner_count:count_distinct"),
            {"T_Season": 2, "T_Answer": 2, "T_Order": 1, "T_Fair": 1, "T_Interests": 1},
        )
        archived = self.env["crm.profiling.report"].search(
            [("partner_id", "=", self.partner_b.id), ("active", "=", False)]
        )
        self.assertEqual(len(archived), 3)

    def test_views_load(self):
        for user in (self.env.user, self.user_profiling, self.user_salesman):
            views = (
                self.env["crm.profiling.report"]
                .with_user(user)
                .get_views(
                    [
                        (False, "pivot"),
                        (False, "graph"),
                        (False, "list"),
                        (False, "search"),
                    ],
                    {"load_filters": True, "toolbar": True},
                )
            )
            self.assertEqual(
                set(views["views"]), {"pivot", "graph", "list", "search"}, user.login
            )
            search = views["views"]["search"]["arch"]
            for name in ("customer", "supplier", "partners", "leads"):
                self.assertIn(f'name="{name}"', search, user.login)
            self.assertIn(
                'action="action_open_profiled_record"', views["views"]["list"]["arch"]
            )
        action = self.env.ref("crm_profilazione.crm_profiling_report_action")
        self.assertEqual(action.path, "profiling-analysis")
        for menu in (
            "crm_profilazione.crm_profiling_report_menu",
            "crm_profilazione.contacts_profiling_report_menu",
        ):
            self.assertEqual(self.env.ref(menu).action, action)

    def test_drill_down_opens_partner(self):
        row = self.env["crm.profiling.report"].search(
            [("partner_id", "=", self.partner_a.id)], limit=1
        )
        action = row.action_open_profiled_record()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", self.partner_a.id)
        )
        row = self.env["crm.profiling.report"].search(
            [("lead_id", "=", self.lead.id)], limit=1
        )
        action = row.action_open_profiled_record()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("crm.lead", self.lead.id)
        )

    def test_access(self):
        Report = self.env["crm.profiling.report"]
        for user in (self.user_internal, self.user_portal):
            self.assertFalse(Report.with_user(user).has_access("read"), user.login)
            with self.assertRaises(AccessError, msg=user.login):
                Report.with_user(user).search([])
            with self.assertRaises(AccessError, msg=user.login):
                Report.with_user(user)._read_group([], ["value_id"], ["__count"])
        for user in (self.user_profiling, self.user_salesman, self.user_manager):
            self.assertTrue(Report.with_user(user).has_access("read"), user.login)
            for operation in ("write", "create", "unlink"):
                self.assertFalse(Report.with_user(user).has_access(operation))
        self.assertEqual(
            self.group(
                "value_id",
                user=self.user_profiling,
                domain=[("profiling_id", "=", self.season.id)],
            ),
            {"Spring": 2, "Summer": 2, "Winter": 1},
        )
        rows = Report.with_user(self.user_profiling).search(
            [("partner_id", "=", self.partner_a.id)]
        )
        self.assertEqual(len(rows), 5)
        self.assertEqual(rows.partner_id, self.partner_a)
        # the drill-down list loads for a profiling user outside sales, who
        # cannot read leads (the lead column is for salespeople only)
        Report = Report.with_user(self.user_profiling)
        arch = Report.get_views([(False, "list")])["views"]["list"]["arch"]
        self.assertNotIn('name="lead_id"', arch)
        specification = {
            name: {"fields": {"display_name": {}}}
            if Report._fields[name].type == "many2one"
            else {}
            for name in ("partner_id", "profiling_id", "value_id", "user_id")
        }
        result = Report.web_search_read(
            [("partner_id", "in", self.partners.ids)], specification
        )
        self.assertEqual(result["length"], 11)

    def test_multi_company(self):
        """Each company sees its own partners' profiles and the shared ones."""
        partner_other = self.env["res.partner"].create(
            {"name": "Delta", "company_id": self.other_company.id}
        )
        self.profile(partner_other, self.answer, ["No"])
        partner_own = self.env["res.partner"].create(
            {"name": "Epsilon", "company_id": self.company.id}
        )
        self.profile(partner_own, self.fair)
        Report = self.env["crm.profiling.report"]

        def companies(user):
            rows = Report.with_user(user).search([("profiling_id", "!=", False)])
            return set(rows.company_id.ids)

        self.assertEqual(companies(self.user_profiling), {self.company.id})
        self.assertEqual(companies(self.user_other_company), {self.other_company.id})
        self.assertEqual(
            Report.with_user(self.user_other_company).search_count(
                [("partner_id", "in", self.partners.ids)]
            ),
            11,
            "profiles of shared partners are seen by every company",
        )
