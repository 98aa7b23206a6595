from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ProfilingCommon


@tagged("post_install", "-at_install")
class TestValueModes(ProfilingCommon):
    def test_single_value_mode_takes_exactly_one_value(self):
        line = self.profile(self.partner_a, self.answer, ["Yes"])
        self.assertEqual(line.value_ids, self.value(self.answer, "Yes"))
        with (
            self.assertRaisesRegex(ValidationError, "exactly one value"),
            self.env.cr.savepoint(),
        ):
            line.value_ids = self.answer.value_ids
        with (
            self.assertRaisesRegex(ValidationError, "exactly one value"),
            self.env.cr.savepoint(),
        ):
            self.profile(self.partner_b, self.answer)
        self.assertEqual(line.value_ids, self.value(self.answer, "Yes"), "unchanged")

    def test_multiple_value_mode_takes_one_or_more_values(self):
        line = self.profile(self.partner_a, self.season, ["Spring", "Winter"])
        self.assertEqual(
            set(line.value_ids.mapped("name")), {"Spring", "Winter"}, "both kept"
        )
        with (
            self.assertRaisesRegex(ValidationError, "at least one value"),
            self.env.cr.savepoint(),
        ):
            line.value_ids = False

    def test_value_of_another_characteristic_is_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "belongs to characteristic"),
            self.env.cr.savepoint(),
        ):
            self.env["crm.profiling.line"].create(
                {
                    "partner_id": self.partner_a.id,
                    "profiling_id": self.answer.id,
                    "value_ids": [Command.set(self.value(self.season, "Spring").ids)],
                }
            )
        self.assertFalse(self.partner_a.profiling_line_ids, "nothing half-written")

    def test_presence_mode_takes_no_answer(self):
        line = self.profile(self.partner_a, self.fair)
        self.assertFalse(line.value_ids)
        with (
            self.assertRaisesRegex(ValidationError, "only for text"),
            self.env.cr.savepoint(),
        ):
            line.text_value = "met in Milan"
        with (
            self.assertRaisesRegex(ValidationError, "only for number"),
            self.env.cr.savepoint(),
        ):
            line.number_value = 3
        self.assertFalse(line.text_value or line.number_value, "nothing written")

    def test_text_mode_requires_text(self):
        line = self.profile(self.partner_a, self.interests, text_value="Sailing")
        self.assertEqual(line.text_value, "Sailing")
        with (
            self.assertRaisesRegex(ValidationError, "type the answer text"),
            self.env.cr.savepoint(),
        ):
            line.text_value = "   "

    def test_second_profile_of_same_characteristic_is_refused_by_database(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        Line = self.env["crm.profiling.line"]
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.env.cr.savepoint(),
        ):
            self.profile(self.partner_a, self.answer, ["No"])
        self.assertIn(
            "only once per characteristic", Line._sql_error_to_message(caught.exception)
        )
        self.assertEqual(len(self.partner_a.profiling_line_ids), 1)


@tagged("post_install", "-at_install")
class TestNumberRanges(ProfilingCommon):
    def test_number_falls_into_its_range_value(self):
        expectations = {
            0: "Small",
            999.99: "Small",
            1000: "Small",  # bounds are "above low, up to high included"
            1000.01: "Medium",
            5000: "Medium",
            5000.5: "Large",
            1_000_000: "Large",
        }
        partners = self.env["res.partner"].create(
            [{"name": f"P{number}"} for number in expectations]
        )
        for partner, (number, expected) in zip(
            partners, expectations.items(), strict=True
        ):
            line = self.profile(partner, self.order_amount, number_value=number)
            self.assertEqual(line.value_ids.name, expected, f"{number} -> {expected}")

    def test_changing_the_number_moves_the_bucket(self):
        line = self.profile(self.partner_a, self.order_amount, number_value=200)
        line.number_value = 7200
        self.assertEqual(line.value_ids, self.value(self.order_amount, "Large"))

    def test_changing_a_range_rebuckets_existing_profiles(self):
        line = self.profile(self.partner_a, self.order_amount, number_value=4500)
        self.assertEqual(line.value_ids.name, "Medium")
        self.value(self.order_amount, "Medium").range_max = 4000
        self.value(self.order_amount, "Large").range_min = 4000
        self.assertEqual(line.value_ids.name, "Large")

    def test_number_outside_every_range_is_refused(self):
        gapped = self.create_profiling(
            "T_GAPPED", "number", [("Low", 0, 10), ("High", 20, 30)]
        )
        with (
            self.assertRaisesRegex(ValidationError, "outside every range"),
            self.env.cr.savepoint(),
        ):
            self.profile(self.partner_a, gapped, number_value=15)
        self.assertFalse(self.partner_a.profiling_line_ids)

    def test_number_characteristic_without_ranges_keeps_any_number(self):
        free_number = self.create_profiling("T_EMPLOYEES", "number")
        line = self.profile(self.partner_a, free_number, number_value=-3.5)
        self.assertEqual(line.number_value, -3.5)
        self.assertFalse(line.value_ids)

    def test_overlapping_ranges_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.order_amount.value_ids = [
                Command.create(
                    {
                        "name": "Huge",
                        "code": "HUGE",
                        "has_range_min": True,
                        "range_min": 4000,
                    }
                )
            ]

    def test_open_ranges_overlap_each_other(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.create_profiling("T_OPEN", "number", [("A", None, 10), ("B", None, 5)])

    def test_reversed_or_empty_range_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "reversed or empty"):
            self.create_profiling("T_REV", "number", [("Bad", 100, 10)])
        with self.assertRaisesRegex(ValidationError, "reversed or empty"):
            self.create_profiling("T_EMPTY", "number", [("Bad", 10, 10)])

    def test_range_on_a_non_number_characteristic_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "does not hold numbers"):
            self.create_profiling("T_WRONG", "single", [("Bad", 1, 2)])


@tagged("post_install", "-at_install")
class TestTaxonomy(ProfilingCommon):
    def test_duplicate_code_is_refused_whatever_the_case(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.env.cr.savepoint(),
        ):
            self.create_profiling(" t_answer ", "single", ["Yes"])
        self.assertIn(
            "already exists",
            self.env["crm.profiling"]._sql_error_to_message(caught.exception),
        )

    def test_same_code_is_allowed_in_another_company(self):
        other = self.env["crm.profiling"].create(
            {"name": "Answer", "code": "T_ANSWER", "company_id": self.other_company.id}
        )
        self.assertEqual(other.code, "T_ANSWER")

    def test_duplicate_value_code_in_one_characteristic_is_refused(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["crm.profiling.value"].create(
                {"profiling_id": self.answer.id, "name": "Yes!", "code": "yes"}
            )

    def test_characteristic_may_be_free_or_have_type_or_family_or_both(self):
        self.assertFalse(self.fair.type_id or self.fair.family_id)
        self.assertEqual(self.answer.family_id, self.family_outcome)
        self.assertFalse(self.answer.type_id)
        self.assertEqual(self.order_amount.type_id, self.type_commercial)
        self.assertFalse(self.order_amount.family_id)
        self.assertEqual(self.season.family_id.type_id, self.season.type_id)

    def test_type_and_family_must_agree(self):
        other_type = self.env["crm.profiling.type"].create({"name": "Other"})
        with (
            self.assertRaisesRegex(ValidationError, "belongs to type"),
            self.env.cr.savepoint(),
        ):
            self.season.type_id = other_type
        with (
            self.assertRaisesRegex(ValidationError, "cannot belong to type"),
            self.env.cr.savepoint(),
        ):
            self.family_purchase.type_id = other_type
        self.assertEqual(self.season.type_id, self.type_commercial, "unchanged")

    def test_used_value_cannot_be_deleted_but_can_be_archived(self):
        self.profile(self.partner_a, self.answer, ["Yes"])
        yes = self.value(self.answer, "Yes")
        with self.assertRaisesRegex(UserError, r"used by 1 profile.*Archive it"):
            yes.unlink()
        yes.active = False
        self.assertEqual(self.partner_a.profiling_line_ids.value_ids, yes)
        self.value(self.answer, "No").unlink()
        self.assertEqual(self.answer.value_ids, self.env["crm.profiling.value"])

    def test_used_characteristic_cannot_be_deleted(self):
        self.profile(self.partner_a, self.fair)
        with self.assertRaisesRegex(UserError, "used by 1 profile"):
            self.fair.unlink()
        self.interests.unlink()
        self.assertFalse(self.interests.exists())

    def test_deleting_a_partner_removes_its_profiles(self):
        line = self.profile(self.partner_c, self.fair)
        self.partner_c.unlink()
        self.assertFalse(line.exists())
