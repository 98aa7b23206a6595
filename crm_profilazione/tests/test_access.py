from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ProfilingCommon

TAXONOMY_MODELS = [
    "crm.profiling.type",
    "crm.profiling.family",
    "crm.profiling",
    "crm.profiling.value",
]
OPERATIONS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestAccessRights(ProfilingCommon):
    def allowed(self, user, model):
        """Return the operations ``user`` may perform on ``model``."""
        Model = self.env[model].with_user(user)
        return {operation for operation in OPERATIONS if Model.has_access(operation)}

    def test_taxonomy_rights_per_group(self):
        expected = {
            self.user_internal: set(),
            self.user_portal: set(),
            self.user_profiling: {"read"},
            self.user_salesman: {"read"},
            self.user_manager: set(OPERATIONS),
        }
        for model in TAXONOMY_MODELS:
            for user, operations in expected.items():
                self.assertEqual(
                    self.allowed(user, model), operations, f"{user.login} on {model}"
                )

    def test_partner_profile_rights_per_group(self):
        expected = {
            self.user_internal: set(),
            self.user_portal: set(),
            self.user_profiling: set(OPERATIONS),
            self.user_salesman: set(OPERATIONS),
            self.user_manager: set(OPERATIONS),
        }
        for user, operations in expected.items():
            self.assertEqual(
                self.allowed(user, "crm.profiling.line"), operations, user.login
            )

    def test_profiling_user_profiles_but_cannot_configure(self):
        Line = self.env["crm.profiling.line"].with_user(self.user_profiling)
        line = Line.create(
            {
                "partner_id": self.partner_a.id,
                "profiling_id": self.answer.id,
                "value_ids": [(6, 0, self.value(self.answer, "Yes").ids)],
            }
        )
        self.assertEqual(line.user_id, self.user_profiling, "author recorded")
        line.value_ids = self.value(self.answer, "No")
        line.unlink()
        with self.assertRaises(AccessError):
            self.answer.with_user(self.user_profiling).name = "Renamed"
        with self.assertRaises(AccessError):
            self.env["crm.profiling"].with_user(self.user_profiling).create(
                {"name": "New", "code": "NEW"}
            )

    def test_user_without_group_sees_no_profile_of_a_partner(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        partner = self.partner_a.with_user(self.user_internal)
        self.assertEqual(partner.name, "Alpha", "the partner itself stays readable")
        fields = partner.fields_get()
        self.assertNotIn("profiling_line_ids", fields)
        self.assertNotIn("profiling_value_ids", fields)
        with self.assertRaises(AccessError):
            partner.read(["profiling_line_ids"])

    def test_portal_user_reads_nothing(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        for model in [*TAXONOMY_MODELS, "crm.profiling.line"]:
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_portal).search([])


@tagged("post_install", "-at_install")
class TestMultiCompany(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_here = cls.env["res.partner"].create(
            {"name": "Here", "company_id": cls.company.id}
        )
        cls.partner_there = cls.env["res.partner"].create(
            {"name": "There", "company_id": cls.other_company.id}
        )
        cls.line_here = cls.profile(cls.partner_here, cls.answer, ["Yes"])
        cls.line_there = cls.profile(cls.partner_there, cls.answer, ["No"])
        cls.line_shared = cls.profile(cls.partner_a, cls.answer, ["No"])
        cls.profiling_there = cls.env["crm.profiling"].create(
            {"name": "Local", "code": "LOCAL", "company_id": cls.other_company.id}
        )

    def test_profiles_follow_the_partner_company(self):
        self.assertEqual(self.line_here.company_id, self.company)
        self.assertEqual(self.line_there.company_id, self.other_company)
        self.assertFalse(self.line_shared.company_id)

    def test_each_company_sees_its_own_and_shared_profiles(self):
        lines = self.line_here | self.line_there | self.line_shared
        domain = [("id", "in", lines.ids)]
        Line = self.env["crm.profiling.line"]
        self.assertEqual(
            Line.with_user(self.user_profiling).search(domain),
            self.line_here | self.line_shared,
        )
        self.assertEqual(
            Line.with_user(self.user_other_company).search(domain),
            self.line_there | self.line_shared,
        )

    def test_company_specific_characteristics_stay_in_their_company(self):
        Profiling = self.env["crm.profiling"]
        self.assertNotIn(
            self.profiling_there,
            Profiling.with_user(self.user_profiling).search([]),
        )
        self.assertIn(
            self.profiling_there,
            Profiling.with_user(self.user_other_company).search([]),
        )
        self.assertIn(
            self.answer, Profiling.with_user(self.user_other_company).search([])
        )
