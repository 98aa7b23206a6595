from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class ProfilingCommon(TransactionCase):
    """Base for profiling tests: one user per role and a small taxonomy.

    The taxonomy is built here rather than taken from the seed data, so the
    tests keep their meaning when a consultant edits the seed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Company"})
        cls.user_internal = new_test_user(
            cls.env, login="internal", groups="base.group_user", name="Internal User"
        )
        cls.user_profiling = new_test_user(
            cls.env,
            login="profiler",
            groups="crm_profilazione.group_profiling_user",
            name="Profiling User",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="profiling_manager",
            groups="crm_profilazione.group_profiling_manager",
            name="Profiling Manager",
        )
        cls.user_salesman = new_test_user(
            cls.env,
            login="salesman",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            name="Sales User",
        )
        cls.user_other_company = new_test_user(
            cls.env,
            login="other_company_profiler",
            groups="crm_profilazione.group_profiling_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
            name="Other Company Profiler",
        )
        cls.user_portal = new_test_user(
            cls.env, login="portal", groups="base.group_portal", name="Portal User"
        )

        cls.type_commercial = cls.env["crm.profiling.type"].create(
            {"name": "Commercial", "code": "T_COMM"}
        )
        cls.family_purchase = cls.env["crm.profiling.family"].create(
            {"name": "Purchase", "code": "F_PURCH", "type_id": cls.type_commercial.id}
        )
        cls.family_outcome = cls.env["crm.profiling.family"].create(
            {"name": "Outcome", "code": "F_OUT"}
        )
        cls.season = cls.create_profiling(
            "T_SEASON",
            "multiple",
            ["Spring", "Summer", "Autumn", "Winter"],
            family=cls.family_purchase,
            type_=cls.type_commercial,
        )
        cls.answer = cls.create_profiling(
            "T_ANSWER", "single", ["Yes", "No"], family=cls.family_outcome
        )
        cls.order_amount = cls.create_profiling(
            "T_ORDER",
            "number",
            [("Small", None, 1000), ("Medium", 1000, 5000), ("Large", 5000, None)],
            type_=cls.type_commercial,
        )
        cls.fair = cls.create_profiling("T_FAIR", "presence")
        cls.interests = cls.create_profiling("T_INTERESTS", "text")

        cls.partner_a, cls.partner_b, cls.partner_c = cls.env["res.partner"].create(
            [{"name": "Alpha"}, {"name": "Beta"}, {"name": "Gamma"}]
        )

    @classmethod
    def create_profiling(cls, code, mode, values=(), family=None, type_=None):
        """Create a characteristic with its values.

        ``values`` holds names, or (name, above, up_to) tuples for ranges where
        None means an open bound.
        """
        value_commands = []
        for sequence, spec in enumerate(values):
            name, low, high = spec if isinstance(spec, tuple) else (spec, None, None)
            value_commands.append(
                Command.create(
                    {
                        "name": name,
                        "code": name.upper(),
                        "sequence": sequence,
                        "has_range_min": low is not None,
                        "range_min": low or 0.0,
                        "has_range_max": high is not None,
                        "range_max": high or 0.0,
                    }
                )
            )
        return cls.env["crm.profiling"].create(
            {
                "name": code.title(),
                "code": code,
                "value_mode": mode,
                "family_id": family.id if family else False,
                "type_id": type_.id if type_ else False,
                "value_ids": value_commands,
            }
        )

    @classmethod
    def value(cls, profiling, name):
        """Return the value called ``name`` of ``profiling``."""
        found = profiling.value_ids.filtered(lambda v: v.name == name)
        assert len(found) == 1, f"no value {name} on {profiling.code}"
        return found

    @classmethod
    def profile(cls, partner, profiling, values=(), **answer):
        """Profile ``partner`` for ``profiling`` with value names or an answer."""
        vals = {"partner_id": partner.id, "profiling_id": profiling.id, **answer}
        if values:
            value_ids = [cls.value(profiling, name).id for name in values]
            vals["value_ids"] = [Command.set(value_ids)]
        return cls.env["crm.profiling.line"].create(vals)

    @classmethod
    def profile_lead(cls, lead, profiling, values=(), **answer):
        """Profile ``lead`` for ``profiling`` with value names or an answer."""
        vals = {"lead_id": lead.id, "profiling_id": profiling.id, **answer}
        if values:
            value_ids = [cls.value(profiling, name).id for name in values]
            vals["value_ids"] = [Command.set(value_ids)]
        return cls.env["crm.profiling.line"].create(vals)

    @classmethod
    def create_segment(cls, rules, match="all", partner_domain="[]", name="Segment"):
        """Create a segment from (characteristic, operator, operand) tuples.

        The operand is a list of value names, a number, a (low, high) pair for
        "between", or None.
        """
        rule_commands = []
        for profiling, operator, operand in rules:
            vals = {"profiling_id": profiling.id, "operator": operator}
            if isinstance(operand, list):
                value_ids = [cls.value(profiling, name).id for name in operand]
                vals["value_ids"] = [Command.set(value_ids)]
            elif isinstance(operand, tuple):
                vals["number"], vals["number_to"] = operand
            elif operand is not None:
                vals["number"] = operand
            rule_commands.append(Command.create(vals))
        return cls.env["crm.profiling.segment"].create(
            {
                "name": name,
                "match": match,
                "partner_domain": partner_domain,
                "rule_ids": rule_commands,
            }
        )
