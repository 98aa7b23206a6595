from odoo.tests import tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestSeedData(ProfilingCommon):
    def seed(self, xmlid):
        return self.env.ref(f"crm_profilazione.{xmlid}")

    def test_commercial_taxonomy_is_seeded(self):
        commercial = self.seed("crm_profiling_type_commercial")
        purchase = self.seed("crm_profiling_family_purchase_type")
        self.assertEqual(purchase.type_id, commercial)
        characteristics = self.env["crm.profiling"].search(
            [("family_id", "=", purchase.id)]
        )
        self.assertEqual(
            set(characteristics.mapped("code")),
            {"NUM_ACQ", "PER_ACQ", "TIPO_PROD", "IMP_MEDIO"},
        )
        self.assertEqual(characteristics.type_id, commercial)

    def test_average_order_buckets_cover_every_amount(self):
        average_order = self.seed("crm_profiling_average_order")
        self.assertEqual(average_order.value_mode, "number")
        over_5000 = self.seed("crm_profiling_average_order_over_5000")
        for amount, expected in [
            (0, "crm_profiling_average_order_upto_1000"),
            (3000, "crm_profiling_average_order_1000_5000"),
            (5000.01, "crm_profiling_average_order_over_5000"),
            (80_000, "crm_profiling_average_order_over_5000"),
        ]:
            self.assertEqual(
                average_order._value_for_number(amount), self.seed(expected), amount
            )
        self.assertEqual(over_5000.code, "OLTRE_5000")

    def test_answer_sets_and_free_characteristics_are_seeded(self):
        yes_no = self.seed("crm_profiling_interested_new")
        self.assertEqual(yes_no.value_ids.mapped("code"), ["SI", "NO"])
        self.assertFalse(yes_no.type_id)
        self.assertTrue(yes_no.family_id, "only a family")
        frequency = self.seed("crm_profiling_pays_on_time")
        self.assertEqual(
            frequency.value_ids.mapped("code"), ["SEMPRE", "QUASI_MAI", "MAI"]
        )
        self.assertTrue(frequency.type_id)
        self.assertFalse(frequency.family_id, "only a type")
        fair = self.seed("crm_profiling_trade_fair")
        self.assertFalse(fair.type_id or fair.family_id, "free characteristic")

    def test_seed_names_are_italian_for_italian_users(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["crm_profilazione"], ["it_IT"], overwrite=True
        )
        italian = self.env(context={"lang": "it_IT"})
        self.assertEqual(
            italian.ref("crm_profilazione.crm_profiling_average_order").name,
            "Importo medio ordine",
        )
        self.assertEqual(
            italian.ref("crm_profilazione.crm_profiling_average_order_over_5000").name,
            "Oltre 5.000 €",
        )
        self.assertEqual(
            italian.ref("crm_profilazione.crm_profiling_type_commercial").name,
            "Dati commerciali",
        )
        english = self.env(context={"lang": "en_US"})
        self.assertEqual(
            english.ref("crm_profilazione.crm_profiling_average_order").name,
            "Average order amount",
        )
