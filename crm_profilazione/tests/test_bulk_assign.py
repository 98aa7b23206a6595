from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestBulkAssign(ProfilingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"Bulk {index:04d}"} for index in range(1200)]
        )
        # a third already has an answer: some the same, some another one
        for partner in cls.partners[:200]:
            cls.profile(partner, cls.answer, ["Yes"])
        for partner in cls.partners[200:400]:
            cls.profile(partner, cls.answer, ["No"])

    def wizard(self, records, **values):
        context = {"active_model": records._name, "active_ids": records.ids}
        return (
            self.env["crm.profiling.bulk.assign"]
            .with_context(**context)
            .create({"profiling_id": self.answer.id, **values})
        )

    def answer_of(self, partners):
        lines = self.env["crm.profiling.line"].search(
            [("partner_id", "in", partners.ids), ("profiling_id", "=", self.answer.id)]
        )
        return {line.partner_id.id: line.value_ids.name for line in lines}

    def test_set_a_value_on_1200_partners(self):
        wizard = self.wizard(
            self.partners,
            value_ids=[Command.set(self.value(self.answer, "Yes").ids)],
        )
        self.assertEqual(wizard.record_count, 1200)
        wizard.action_apply()
        self.assertEqual(
            (
                wizard.created_count,
                wizard.updated_count,
                wizard.unchanged_count,
                wizard.removed_count,
            ),
            (800, 200, 200, 0),
        )
        answers = self.answer_of(self.partners)
        self.assertEqual(len(answers), 1200)
        self.assertEqual(set(answers.values()), {"Yes"})
        changed = self.env["crm.profiling.history"].search(
            [("partner_id", "in", self.partners.ids), ("event", "=", "change")]
        )
        self.assertEqual(len(changed), 200, "history of the changed answers")

    def test_remove_a_characteristic(self):
        wizard = self.wizard(self.partners[:300], operation="remove")
        wizard.action_apply()
        self.assertEqual(wizard.removed_count, 300)
        self.assertEqual(len(self.answer_of(self.partners)), 100)

    def test_a_refused_answer_writes_nothing(self):
        wizard = self.wizard(self.partners)  # one-value mode, no value chosen
        with (
            self.assertRaisesRegex(ValidationError, "exactly one value"),
            self.env.cr.savepoint(),
        ):
            wizard.action_apply()
        answers = self.answer_of(self.partners)
        self.assertEqual(len(answers), 400, "nothing added")
        self.assertEqual(
            sorted(set(answers.values())), ["No", "Yes"], "nothing changed"
        )

    def test_number_answers_on_leads(self):
        leads = self.env["crm.lead"].create(
            [{"name": f"Lead {index}"} for index in range(5)]
        )
        form = Form(
            self.env["crm.profiling.bulk.assign"].with_context(
                active_model="crm.lead", active_ids=leads.ids
            )
        )
        form.profiling_id = self.order_amount
        form.number_value = 6000
        wizard = form.save()
        wizard.action_apply()
        self.assertEqual(wizard.created_count, 5)
        self.assertEqual(
            set(leads.profiling_line_ids.value_ids.mapped("name")), {"Large"}
        )
