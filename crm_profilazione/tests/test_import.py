from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ProfilingCommon

FIELDS = ["partner_id", "profiling_id", "value_codes", "number_value", "text_value"]


@tagged("post_install", "-at_install")
class TestImportByCodes(ProfilingCommon):
    def load(self, rows):
        Line = self.env["crm.profiling.line"].with_context(import_file=True)
        with mute_logger("odoo.sql_db", "odoo.orm.models"):
            return Line.load(FIELDS, rows)

    def errors_by_row(self, result):
        errors = {}
        for message in result["messages"]:
            if message["type"] == "error":
                row = message["rows"]["from"]
                errors[row] = f"{errors.get(row, '')}{message['message']}\n"
        return errors

    def test_good_rows_are_imported_with_codes(self):
        result = self.load(
            [
                ["Alpha", "T_SEASON", "spring, WINTER", "", ""],
                ["Beta", "t_order", "", "6200", ""],
                ["Gamma", "T_INTERESTS", "", "", "Sailing"],
            ]
        )
        self.assertEqual(self.errors_by_row(result), {})
        self.assertEqual(len(result["ids"]), 3)
        season = self.partner_a.profiling_line_ids
        self.assertEqual(set(season.value_ids.mapped("name")), {"Spring", "Winter"})
        self.assertEqual(season.source, "import")
        self.assertEqual(self.partner_b.profiling_line_ids.value_ids.name, "Large")
        self.assertEqual(self.partner_c.profiling_line_ids.text_value, "Sailing")

    def test_bad_rows_are_reported_by_row_and_not_written(self):
        result = self.load(
            [
                ["Alpha", "T_SEASON", "SPRING", "", ""],
                ["Beta", "T_NOPE", "YES", "", ""],
                ["Gamma", "T_ANSWER", "SPRING", "", ""],
            ]
        )
        errors = self.errors_by_row(result)
        self.assertEqual(set(errors), {1, 2}, result["messages"])
        self.assertIn("T_NOPE", errors[1])
        self.assertIn("Unknown value code SPRING", errors[2])
        self.assertFalse(result["ids"])
        self.assertFalse(
            (self.partner_a | self.partner_b | self.partner_c).profiling_line_ids,
            "an import with errors writes nothing",
        )

    def test_a_second_answer_for_the_same_characteristic_is_refused(self):
        result = self.load(
            [
                ["Alpha", "T_SEASON", "SPRING", "", ""],
                ["Beta", "T_SEASON", "WINTER", "", ""],
                ["Alpha", "T_SEASON", "WINTER", "", ""],
            ]
        )
        errors = self.errors_by_row(result)
        self.assertEqual(set(errors), {2}, result["messages"])
        self.assertIn("only once per characteristic", errors[2])
