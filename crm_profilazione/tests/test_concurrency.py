import threading

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentProfiling(TransactionCase):
    """Two users profiling the same partner at the same time.

    This test needs real, committed transactions on two connections, so it
    works outside the test transaction and removes what it committed.
    """

    def new_env(self):
        cursor = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cursor.close)
        return api.Environment(cursor, SUPERUSER_ID, {})

    def test_concurrent_answers_leave_one_profile(self):
        setup = self.new_env()
        partner = setup["res.partner"].create({"name": "Concurrent partner"})
        profiling = setup.ref("crm_profilazione.crm_profiling_interested_new")
        yes, no = profiling.value_ids
        setup.cr.commit()
        self.addCleanup(self.remove_partner, partner.id)

        first, second = self.new_env(), self.new_env()
        first["crm.profiling.line"].create(
            {
                "partner_id": partner.id,
                "profiling_id": profiling.id,
                "value_ids": yes.ids,
            }
        )
        first.flush_all()  # holds the unique key until it commits
        outcome = {}

        def second_user():
            try:
                with mute_logger("odoo.sql_db"):
                    second["crm.profiling.line"].create(
                        {
                            "partner_id": partner.id,
                            "profiling_id": profiling.id,
                            "value_ids": no.ids,
                        }
                    )
                    second.flush_all()
                outcome["second"] = "saved"
            except IntegrityError:
                second.cr.rollback()
                outcome["second"] = "refused"

        thread = threading.Thread(target=second_user)
        thread.start()
        thread.join(timeout=1)
        self.assertTrue(thread.is_alive(), "the second writer waits for the first")
        first.cr.commit()
        thread.join(timeout=30)
        self.assertEqual(outcome.get("second"), "refused")

        check = self.new_env()
        lines = check["crm.profiling.line"].search([("partner_id", "=", partner.id)])
        self.assertEqual(len(lines), 1, "no duplicate row")
        self.assertEqual(lines.value_ids, yes, "the first writer wins")

    def remove_partner(self, partner_id):
        cleanup = self.new_env()
        cleanup["res.partner"].browse(partner_id).unlink()
        cleanup.cr.commit()
