from odoo import api, fields, models


class CrmProfilingSegmentSnapshot(models.Model):
    """The size of a segment at the moment it was used.

    Segments hold no members, so their size over time is only known if it
    is written down: each activity planning and each mailing sent to a
    segment records how many records it selected then.
    """

    _name = "crm.profiling.segment.snapshot"
    _description = "Profiling Segment Size"
    _order = "date desc, id desc"

    segment_id = fields.Many2one(
        "crm.profiling.segment", required=True, index=True, ondelete="cascade"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    member_count = fields.Integer(string="Members", required=True)
    usage = fields.Selection(
        [
            ("planning", "Activity planning"),
            ("mailing", "Mailing"),
            ("manual", "Manual"),
        ],
        required=True,
    )
    res_model = fields.Selection(
        [("res.partner", "Contacts"), ("crm.lead", "Leads")],
        string="Records",
        default="res.partner",
        required=True,
    )
    company_id = fields.Many2one(related="segment_id.company_id", store=True)

    @api.model
    def _record(self, segment, member_count, usage, res_model="res.partner"):
        """Write down the size of ``segment`` for one use of it."""
        return self.sudo().create(
            {
                "segment_id": segment.id,
                "member_count": member_count,
                "usage": usage,
                "res_model": res_model,
            }
        )
