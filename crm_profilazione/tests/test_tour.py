from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPartnerProfilingTour(HttpCase):
    """Profile a partner from the contact form and find it by its value."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profiling = cls.env["crm.profiling"].create(
            {
                "code": "TOUR_SIZE",
                "name": "Tour company size",
                "value_mode": "single",
                "value_ids": [
                    (0, 0, {"code": "SMALL", "name": "Small", "sequence": 1}),
                    (0, 0, {"code": "LARGE", "name": "Large", "sequence": 2}),
                ],
            }
        )
        cls.small = cls.profiling.value_ids.filtered(lambda v: v.code == "SMALL")
        cls.large = cls.profiling.value_ids.filtered(lambda v: v.code == "LARGE")
        cls.partner, cls.other_partner = cls.env["res.partner"].create(
            [
                {"name": "Profiling Tour Partner"},
                {"name": "Other Tour Partner"},
            ]
        )
        cls.env["crm.profiling.line"].create(
            {
                "partner_id": cls.other_partner.id,
                "profiling_id": cls.profiling.id,
                "value_ids": [(6, 0, cls.small.ids)],
            }
        )

    def test_profile_partner_and_search_by_value(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(
            admin.has_group("crm_profilazione.group_profiling_manager"),
            "The tour runs as admin, who must be able to profile partners.",
        )
        self.assertFalse(self.partner.profiling_line_ids)

        self.start_tour(
            "/odoo/contacts", "crm_profilazione_partner_profiling_tour", login="admin"
        )

        line = self.partner.profiling_line_ids
        self.assertEqual(len(line), 1, "The tour adds exactly one profile.")
        self.assertEqual(line.profiling_id, self.profiling)
        self.assertEqual(line.value_ids, self.large)
        self.assertEqual(line.user_id, admin, "The profile records who made it.")
        self.assertEqual(
            self.env["res.partner"].search(
                [
                    ("profiling_value_ids", "=", self.large.id),
                    ("id", "in", (self.partner | self.other_partner).ids),
                ]
            ),
            self.partner,
            "Searching by the value finds the profiled partner only.",
        )
        self.assertEqual(
            self.other_partner.profiling_line_ids.value_ids,
            self.small,
            "The other partner's profile is untouched.",
        )
