"""Benchmark of crm_profilazione on a large database (see benchmarks/README.md).

Builds (once) a database with N partners, about ten profiles each with skewed
value frequencies, and the same membership as partner tags; then measures the
addon's public paths against Odoo's own equivalents, as a normal internal
user, and prints a Markdown table (also written to benchmarks/results/).
"""

import argparse
import gc
import hashlib
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDON = "crm_profilazione"
PARAM = "crm_profilazione_bench."
BENCH_LOGIN = "bench_profiler"
BENCH_GROUPS = (
    "crm_profilazione.group_profiling_user",
    "base.group_partner_manager",
    "mass_mailing.group_mass_mailing_user",
)

# The generated taxonomy: code, name, value mode, values, share of partners
# profiled. Values are picked with Zipf-like weights (the first ones are
# much more frequent); a number characteristic lists its ranges instead.
REVENUE_RANGES = [("SMALL", None, 1000.0), ("MEDIUM", 1000.0, 5000.0)]
REVENUE_RANGES.append(("LARGE", 5000.0, None))
REVENUE_SHARES = (0.2, 0.3, 0.5)  # about half the partners in the top range
CHARACTERISTICS = [
    ("BX_SECTOR", "Sector", "single", 12, 0.98),
    ("BX_SIZE", "Company size", "single", 5, 0.95),
    ("BX_REGION", "Region", "single", 20, 0.97),
    ("BX_CHANNEL", "Sales channels", "multiple", 6, 0.90),
    ("BX_INTEREST", "Interests", "multiple", 15, 0.85),
    ("BX_SEASON", "Purchase seasons", "multiple", 4, 0.80),
    ("BX_REVENUE", "Yearly revenue", "number", REVENUE_RANGES, 1.0),
    ("BX_SOURCE", "Acquisition source", "single", 8, 0.90),
    ("BX_LOYALTY", "Loyalty level", "single", 4, 0.90),
    ("BX_LANG", "Preferred language", "single", 6, 0.85),
    ("BX_PAYMENT", "Payment habit", "single", 5, 0.90),
    ("BX_FAIR", "Met at a fair", "presence", 0, 0.30),
    # Never generated: the target of the bulk profiling case.
    ("BX_BULK", "Bulk campaign answer", "single", 3, 0.0),
]
VACUUMED_TABLES = (
    "res_partner",
    "res_partner_res_partner_category_rel",
    "crm_profiling_line",
    "crm_profiling_line_value_rel",
    "crm_profiling_history",
    "mail_activity",
    "mail_followers",
)
ZIPF_EXPONENT = 1.1
NULL = "\\N"  # COPY's null
MULTIPLE_COUNTS = ((1, 0.5), (2, 0.3), (3, 0.2))  # values per multiple profile


@dataclass
class Case:
    name: str
    addon: object  # callable(env) -> result
    baseline: object
    baseline_name: str
    target: float | None  # maximal addon/baseline ratio, None: information
    size: str = ""
    compare: bool = False  # addon and baseline must select the same records
    results: dict = field(default_factory=dict)
    mismatch: bool = False
    records: int = 0  # batch size, to show the time per record


# --------------------------------------------------------------------------
# Command line, Odoo start-up, database
# --------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", default="crm_profilazione_bench")
    parser.add_argument("--partners", type=int, default=100_000, help="N partners")
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions")
    parser.add_argument(
        "--batch", type=int, default=10_000, help="partners of the batch cases"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="drop and regenerate the database"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--only",
        default="",
        help="run only the cases whose name contains one of these comma-separated "
        "words",
    )
    parser.add_argument(
        "--output",
        default=str(REPO / "benchmarks" / "results" / "latest.md"),
        help="where the Markdown table is written ('' for nowhere)",
    )
    return parser.parse_args()


def start_odoo(args):
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["-c", args.config, "--log-level=warn"], setup_logging=True)
    threading.current_thread().dbname = args.db


def odoo_bin(args, *options):
    """Run odoo-bin on the bench database in a subprocess."""
    import odoo.release  # noqa: PLC0415

    odoo_bin_path = Path(odoo.release.__file__).resolve().parents[1] / "odoo-bin"
    command = [sys.executable, str(odoo_bin_path), "-c", args.config, "-d", args.db]
    command += [*options, "--stop-after-init", "--log-level=warn"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def addon_digest():
    """Digest of the addon's code and data: a change calls for an upgrade."""
    digest = hashlib.sha256()
    root = REPO / ADDON
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in ("tests", "static", "i18n") or not path.is_file():
            continue
        if path.suffix in (".py", ".xml", ".csv"):
            digest.update(str(relative).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def read_params(db_name):
    """The bench parameters stored in the database (empty if none)."""
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with db_connect(db_name).cursor() as cr:
        cr.execute(
            "SELECT key, value FROM ir_config_parameter WHERE key LIKE %s",
            [PARAM + "%"],
        )
        return {key[len(PARAM) :]: value for key, value in cr.fetchall()}


def prepare_database(args, log):
    """Create, rebuild or upgrade the bench database; return its parameters."""
    from odoo.service import db as db_service  # noqa: PLC0415

    exists = db_service.exp_db_exist(args.db)
    params = read_params(args.db) if exists else {}
    stored_n = params.get("partners")
    if exists and (args.rebuild or (stored_n and int(stored_n) != args.partners)):
        log(f"Dropping {args.db} (rebuild, or it holds {stored_n} partners)")
        db_service.exp_drop(args.db)
        exists, params = False, {}
    if not exists:
        log(f"Creating {args.db} with {ADDON}, without demo data")
        seconds = odoo_bin(args, "-i", ADDON)
        log(f"    installed in {seconds:.0f}s")
    elif params and params.get("addon_digest") != addon_digest():
        log(f"The addon changed since the last run: upgrading {ADDON} in {args.db}")
        seconds = odoo_bin(args, "-u", ADDON)
        log(f"    upgraded in {seconds:.0f}s")
        vacuum_analyze(args.db)
    return params


def vacuum_analyze(db_name, tables=()):
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with db_connect(db_name).cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f"VACUUM ANALYZE {', '.join(tables)}")


def set_param(env, key, value):
    env["ir.config_parameter"].sudo().set_param(PARAM + key, str(value))


# --------------------------------------------------------------------------
# Data generation
# --------------------------------------------------------------------------


def zipf_weights(count):
    return [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(count)]


def create_taxonomy(env):
    """Characteristics, values and the mirroring tags, through the ORM."""
    from odoo import Command  # noqa: PLC0415

    types = env["crm.profiling.type"].create(
        [
            {"name": "Bench commercial", "code": "BX_T_COMM"},
            {"name": "Bench marketing", "code": "BX_T_MKT"},
        ]
    )
    families = env["crm.profiling.family"].create(
        [
            {"name": "Bench company", "code": "BX_F_COMP", "type_id": types[0].id},
            {"name": "Bench habits", "code": "BX_F_HAB", "type_id": types[0].id},
            {"name": "Bench contact", "code": "BX_F_CONT", "type_id": types[1].id},
        ]
    )
    Tag = env["res.partner.category"]
    for index, (code, name, mode, values, _share) in enumerate(CHARACTERISTICS):
        if mode == "number":
            value_commands = [
                Command.create(
                    {
                        "name": value_code.title(),
                        "code": value_code,
                        "sequence": sequence,
                        "has_range_min": low is not None,
                        "range_min": low or 0.0,
                        "has_range_max": high is not None,
                        "range_max": high or 0.0,
                    }
                )
                for sequence, (value_code, low, high) in enumerate(values)
            ]
        else:
            value_commands = [
                Command.create(
                    {"name": f"{name} {rank}", "code": f"V{rank:02d}", "sequence": rank}
                )
                for rank in range(1, values + 1)
            ]
        family = families[index % len(families)]
        profiling = env["crm.profiling"].create(
            {
                "name": name,
                "code": code,
                "value_mode": mode,
                "sequence": index + 1,
                "type_id": family.type_id.id,
                "family_id": family.id,
                "value_ids": value_commands,
            }
        )
        tag_names = [f"{code}/{v.code}" for v in profiling.value_ids] or [code]
        Tag.create([{"name": tag_name} for tag_name in tag_names])


def load_taxonomy(env):
    """Return {code: (profiling, [values], {value id or 0: tag id})}."""
    Profiling = env["crm.profiling"].with_context(active_test=False)
    tags = {
        tag.name: tag.id
        for tag in env["res.partner.category"].search([("name", "=like", "BX\\_%")])
    }
    taxonomy = {}
    for code, *_rest in CHARACTERISTICS:
        profiling = Profiling.search([("code", "=", code)])
        values = profiling.value_ids.sorted("sequence")
        tag_of = {value.id: tags[f"{code}/{value.code}"] for value in values}
        if not values:
            tag_of[0] = tags[code]
        taxonomy[code] = (profiling, values, tag_of)
    return taxonomy


def copy_rows(cr, table, columns, buffer):
    buffer.seek(0)
    cr.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def generate(env, n_partners, seed, log):
    """Create the taxonomy through the ORM, then partners, profiles and tags
    with COPY / INSERT ... SELECT. Return the seconds spent."""
    started = time.perf_counter()
    cr = env.cr
    create_taxonomy(env)
    taxonomy = load_taxonomy(env)

    # Partners: copies of one partner created by the ORM, so every column
    # holds what Odoo itself puts there; names sort in random order.
    template = env["res.partner"].create(
        {"name": "Bench template", "email": "template@example.com"}
    )
    env.flush_all()
    cr.execute("SELECT COALESCE(max(id), 0) FROM res_partner")
    base = cr.fetchone()[0]
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'res_partner' AND column_name != 'id'"
    )
    columns = [name for (name,) in cr.fetchall()]
    name_sql = "'Partner ' || upper(substr(md5(g::text), 1, 10))"
    email_sql = "'partner' || g || '@bench.example.com'"
    overrides = {
        "name": name_sql,
        "complete_name": name_sql,
        "email": email_sql,
        "email_normalized": email_sql,
        "is_company": "(g % 4 = 0)",
        "commercial_partner_id": f"{base} + g",
        "company_id": "NULL",
        "ref": "'BENCH'",
        "active": "true",
    }
    select = ", ".join(overrides.get(column, f"t.{column}") for column in columns)
    cr.execute(
        f"INSERT INTO res_partner (id, {', '.join(columns)}) "
        f"SELECT {base} + g, {select} FROM generate_series(1, {n_partners}) g, "
        f"res_partner t WHERE t.id = {template.id}"
    )
    template.unlink()
    cr.execute("SELECT setval('res_partner_id_seq', (SELECT max(id) FROM res_partner))")
    log(f"    {n_partners} partners inserted ({time.perf_counter() - started:.0f}s)")

    # Profiles, their values and the same membership as tags, made in Python
    # (seeded, so reproducible) and loaded with COPY.
    rnd = random.Random(seed)
    cr.execute("SELECT COALESCE(max(id), 0) FROM crm_profiling_line")
    line_id = cr.fetchone()[0]
    lines, line_values, partner_tags = io.StringIO(), io.StringIO(), io.StringIO()
    today = date.today()
    now = datetime.now().replace(microsecond=0)
    uid = env.uid
    specs = []
    for code, _name, mode, _values, share in CHARACTERISTICS:
        profiling, values, tag_of = taxonomy[code]
        specs.append(
            (
                share,
                mode,
                profiling.id,
                "\t".join(
                    NULL if column is False else str(column)
                    for column in (
                        profiling.sequence,
                        profiling.type_id.id,
                        profiling.family_id.id,
                    )
                ),
                values.ids,
                list(zipf_weights(len(values))),
                tag_of,
            )
        )
    counts, count_weights = zip(*MULTIPLE_COUNTS, strict=True)
    for partner_id in range(base + 1, base + n_partners + 1):
        for (
            share,
            mode,
            profiling_id,
            taxonomy_cols,
            value_ids,
            weights,
            tag_of,
        ) in specs:
            if rnd.random() >= share:
                continue
            line_id += 1
            number = NULL
            if mode == "number":
                bucket = rnd.choices(range(len(value_ids)), REVENUE_SHARES)[0]
                low = REVENUE_RANGES[bucket][1] or 0.0
                high = REVENUE_RANGES[bucket][2] or 100_000.0
                number = f"{rnd.uniform(low + 0.01, high - 0.01):.2f}"
                chosen = [value_ids[bucket]]
            elif mode == "single":
                chosen = rnd.choices(value_ids, weights)
            elif mode == "multiple":
                wanted = rnd.choices(counts, count_weights)[0]
                chosen = set()
                while len(chosen) < wanted:
                    chosen.add(rnd.choices(value_ids, weights)[0])
            else:
                chosen = []
            profiled_on = today - timedelta(days=rnd.randrange(1000))
            lines.write(
                f"{line_id}\t{partner_id}\t{profiling_id}\t{taxonomy_cols}\t"
                f"{number}\t{profiled_on}\tmanual\t{uid}\t{uid}\t{now}\t{uid}\t{now}\n"
            )
            for value_id in chosen:
                line_values.write(f"{line_id}\t{value_id}\n")
                partner_tags.write(f"{tag_of[value_id]}\t{partner_id}\n")
            if not chosen:
                partner_tags.write(f"{tag_of[0]}\t{partner_id}\n")
    line_columns = [
        "id",
        "partner_id",
        "profiling_id",
        "sequence",
        "type_id",
        "family_id",
        "number_value",
        "profiled_on",
        "source",
        "user_id",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    ]
    copy_rows(cr, "crm_profiling_line", line_columns, lines)
    copy_rows(cr, "crm_profiling_line_value_rel", ["line_id", "value_id"], line_values)
    copy_rows(
        cr,
        "res_partner_res_partner_category_rel",
        ["category_id", "partner_id"],
        partner_tags,
    )
    cr.execute(
        "SELECT setval('crm_profiling_line_id_seq', "
        "(SELECT max(id) FROM crm_profiling_line))"
    )
    cr.execute("SELECT count(*) FROM crm_profiling_line")
    log(
        f"    {cr.fetchone()[0]} profiles and their tags loaded "
        f"({time.perf_counter() - started:.0f}s)"
    )
    env.invalidate_all()
    return time.perf_counter() - started


# --------------------------------------------------------------------------
# Fixtures: the user, segments and mailings the cases use
# --------------------------------------------------------------------------


def ensure_fixtures(env, taxonomy):
    """Find or create the bench user, segments and mailings (as superuser)."""
    from odoo import Command  # noqa: PLC0415

    Users = env["res.users"].with_context(active_test=False)
    user = Users.search([("login", "=", BENCH_LOGIN)])
    if not user:
        user = Users.create(
            {
                "name": "Bench Profiler",
                "login": BENCH_LOGIN,
                "email": "bench.profiler@example.com",
                "group_ids": [Command.set([env.ref(g).id for g in BENCH_GROUPS])],
            }
        )

    def value(code, rank):
        return taxonomy[code][1][rank]

    revenue, large = taxonomy["BX_REVENUE"][0], value("BX_REVENUE", 2)
    Segment = env["crm.profiling.segment"]
    segments = {}
    specs = {
        "Bench: three rules": [
            {
                "profiling_id": taxonomy["BX_INTEREST"][0].id,
                "operator": "has_any",
                "value_ids": [
                    Command.set((value("BX_INTEREST", 1) | value("BX_INTEREST", 3)).ids)
                ],
            },
            {
                "profiling_id": taxonomy["BX_CHANNEL"][0].id,
                "operator": "has_none",
                "value_ids": [Command.set(value("BX_CHANNEL", 0).ids)],
            },
            {"profiling_id": revenue.id, "operator": "num_ge", "number": 5000.0},
        ],
        "Bench: large revenue": [
            {"profiling_id": revenue.id, "operator": "num_ge", "number": 5000.0},
        ],
    }
    for name, rules in specs.items():
        segment = Segment.search([("name", "=", name)])
        if not segment:
            segment = Segment.create(
                {
                    "name": name,
                    "match": "all",
                    "rule_ids": [Command.create(rule) for rule in rules],
                }
            )
        segments[name] = segment
    large_tag = taxonomy["BX_REVENUE"][2][large.id]
    mailing_domains = {
        "Bench: segment mailing": [
            ("profiling_segment_ids", "in", segments["Bench: large revenue"].ids)
        ],
        "Bench: tag mailing": [("category_id", "in", [large_tag])],
    }
    mailings = {}
    Mailing = env["mailing.mailing"]
    for subject, domain in mailing_domains.items():
        mailing = Mailing.search([("subject", "=", subject)])
        if not mailing:
            mailing = Mailing.create(
                {
                    "subject": subject,
                    "mailing_type": "mail",
                    "mailing_model_id": env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": repr(domain),
                    "body_html": "<p>Bench</p>",
                    "user_id": user.id,
                }
            )
        mailings[subject] = mailing
    return user, segments, mailings


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------


def build_cases(env, taxonomy, segments, mailings, batch_ids):
    """The measured cases; every callable takes the bench user's env."""
    from odoo import Command  # noqa: PLC0415

    _sector, sector_values, sector_tags = taxonomy["BX_SECTOR"]
    searched_value = sector_values[1]  # second most frequent sector
    value_tag = sector_tags[searched_value.id]
    three_rules = segments["Bench: three rules"]
    interest_tags = taxonomy["BX_INTEREST"][2]
    interest_values = taxonomy["BX_INTEREST"][1]
    channel_tags, channel_values = taxonomy["BX_CHANNEL"][2], taxonomy["BX_CHANNEL"][1]
    revenue_tags, revenue_values = taxonomy["BX_REVENUE"][2], taxonomy["BX_REVENUE"][1]
    tag_domain = [
        (
            "category_id",
            "in",
            [
                interest_tags[interest_values[1].id],
                interest_tags[interest_values[3].id],
            ],
        ),
        ("category_id", "not in", [channel_tags[channel_values[0].id]]),
        ("category_id", "in", [revenue_tags[revenue_values[2].id]]),
    ]
    segment_mailing = mailings["Bench: segment mailing"]
    tag_mailing = mailings["Bench: tag mailing"]
    call = env.ref("mail.mail_activity_data_call")
    deadline = date.today() + timedelta(days=7)
    bulk, bulk_values, bulk_tags = taxonomy["BX_BULK"]
    bulk_value = bulk_values[0]
    bulk_tag = bulk_tags[bulk_value.id]
    n_batch = len(batch_ids)

    def partners(env):
        return env["res.partner"]

    def plan_wizard(env):
        wizard = env["crm.profiling.activity.plan"].create(
            {
                "target": "partners",
                "partner_ids": [Command.set(batch_ids)],
                "activity_type_id": call.id,
                "summary": "Bench call",
                "deadline_mode": "date",
                "date_deadline": deadline,
                "responsible_mode": "user",
                "user_id": env.uid,
            }
        )
        wizard.action_plan()
        return wizard.created_count

    def plan_odoo(env, prefetch=True):
        records = partners(env).browse(batch_ids)
        if prefetch:
            # mail.activity computes each activity's res_name from its own
            # browse() of the partner: without names in cache that is one
            # query per partner, which the wizard's recordset avoids.
            records.mapped("display_name")
        activities = records.activity_schedule(
            activity_type_id=call.id,
            date_deadline=deadline,
            summary="Bench call",
            user_id=env.uid,
        )
        return len(activities)

    def bulk_wizard(env):
        wizard = env["crm.profiling.bulk.assign"].create(
            {
                "res_model": "res.partner",
                "record_domain": repr([("id", "in", batch_ids)]),
                "operation": "set",
                "profiling_id": bulk.id,
                "value_ids": [Command.set(bulk_value.ids)],
            }
        )
        wizard.action_apply()
        return wizard.created_count

    def bulk_create(env):
        lines = env["crm.profiling.line"].create(
            [
                {
                    "partner_id": partner_id,
                    "profiling_id": bulk.id,
                    "value_ids": [Command.set(bulk_value.ids)],
                    "note": False,
                }
                for partner_id in batch_ids
            ]
        )
        return len(lines)

    def bulk_tags_write(env):
        partners(env).browse(batch_ids).write({"category_id": [Command.link(bulk_tag)]})
        return n_batch

    def by_value(field, ids):
        return lambda env: partners(env).search([(field, "in", ids)]).ids

    def count_by_value(field, ids):
        return lambda env: partners(env).search_count([(field, "in", ids)])

    batch = f"{n_batch:,} partners"
    return [
        Case(
            "Partner search by one value (ids)",
            by_value("profiling_value_ids", searched_value.ids),
            by_value("category_id", [value_tag]),
            "tag filter",
            1.5,
            compare=True,
        ),
        Case(
            "Partner search by one value (count)",
            count_by_value("profiling_value_ids", searched_value.ids),
            count_by_value("category_id", [value_tag]),
            "tag filter",
            1.5,
            compare=True,
        ),
        Case(
            "Three-rule segment (ids)",
            lambda env: (
                partners(env)
                .search([("profiling_segment_ids", "in", three_rules.ids)])
                .ids
            ),
            lambda env: partners(env).search(tag_domain).ids,
            "tag domain",
            1.5,
            compare=True,
        ),
        Case(
            "Three-rule segment (count)",
            lambda env: partners(env).search_count(
                [("profiling_segment_ids", "in", three_rules.ids)]
            ),
            lambda env: partners(env).search_count(tag_domain),
            "tag domain",
            1.5,
            compare=True,
        ),
        Case(
            "Mailing recipients, segment of ~half",
            lambda env: (
                env["mailing.mailing"].browse(segment_mailing.id)._get_recipients()
            ),
            lambda env: env["mailing.mailing"].browse(tag_mailing.id)._get_recipients(),
            "tag domain mailing",
            1.2,
            compare=True,
        ),
        Case(
            "Activity planning wizard",
            plan_wizard,
            lambda env: plan_odoo(env, prefetch=False),
            "activity_schedule()",
            1.0,
            size=batch,
            records=n_batch,
        ),
        Case(
            "Activity planning wizard",
            plan_wizard,
            plan_odoo,
            "activity_schedule(), names prefetched",
            None,
            size=batch,
            records=n_batch,
        ),
        Case(
            "Bulk profiling wizard",
            bulk_wizard,
            bulk_create,
            "line create() batch",
            1.0,
            size=batch,
            records=n_batch,
        ),
        Case(
            "Bulk profiling wizard",
            bulk_wizard,
            bulk_tags_write,
            "category_id write()",
            None,
            size=batch,
            records=n_batch,
        ),
    ]


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


def run_once(env, function, trace_memory=False):
    """Run ``function`` from a cold ORM cache, flush, roll back.

    Return (seconds, result, peak bytes of Python allocations or None).
    """
    cr = env.cr
    env.invalidate_all()
    gc.collect()
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    result = function(env)
    env.flush_all()
    seconds = time.perf_counter() - started
    peak = None
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    if isinstance(result, list):
        result = frozenset(result)
    cr.rollback()
    env.invalidate_all(flush=False)
    return seconds, result, peak


def measure(env, case, repeat, log):
    # One untraced warm-up and one traced run (for the peak memory), then the
    # timed repetitions, alternating addon and baseline.
    for side in ("addon", "baseline"):
        function = getattr(case, side)
        _seconds, result, _peak = run_once(env, function)
        _seconds, _result, peak = run_once(env, function, trace_memory=True)
        case.results[side] = {"times": [], "result": result, "peak": peak}
    for _index in range(repeat):
        for side in ("addon", "baseline"):
            seconds, _result, _peak = run_once(env, getattr(case, side))
            case.results[side]["times"].append(seconds)
    addon, baseline = case.results["addon"], case.results["baseline"]
    if not case.size:
        result = addon["result"]
        size = result if isinstance(result, int) else len(result)
        case.size = f"{size:,} partners"
    case.mismatch = case.compare and addon["result"] != baseline["result"]
    log(
        f"    {case.name} vs {case.baseline_name} ({case.size}): "
        f"{statistics.median(addon['times']):.3f}s / "
        f"{statistics.median(baseline['times']):.3f}s"
        + ("  RESULTS DIFFER" if case.mismatch else "")
    )
    for side in ("addon", "baseline"):
        runs = " ".join(f"{seconds:.3f}" for seconds in case.results[side]["times"])
        log(f"        {side}: {runs}")


def seconds_text(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def table(cases):
    rows = [
        "| Case | Size | Addon | Baseline | Ratio | Target | Verdict "
        "| Peak Python memory, addon / baseline |",
        "|---|---|---:|---:|---:|---:|---|---:|",
    ]
    for case in cases:
        addon, baseline = case.results["addon"], case.results["baseline"]
        addon_s = statistics.median(addon["times"])
        baseline_s = statistics.median(baseline["times"])
        ratio = addon_s / baseline_s
        if case.mismatch:
            verdict = "RESULTS DIFFER"
        elif case.target is None:
            verdict = "info"
        else:
            verdict = "OK" if ratio <= case.target else "OVER"
        target = f"≤ {case.target:.1f}x" if case.target else "-"
        memory = f"{addon['peak'] / 2**20:.1f} / {baseline['peak'] / 2**20:.1f} MiB"
        addon_text, baseline_text = seconds_text(addon_s), seconds_text(baseline_s)
        if case.records:
            addon_text += f", {addon_s * 1000 / case.records:.2f} ms/record"
            baseline_text += f", {baseline_s * 1000 / case.records:.2f} ms/record"
        rows.append(
            f"| {case.name} | {case.size} | {addon_text} "
            f"| {baseline_text} ({case.baseline_name}) | {ratio:.2f}x "
            f"| {target} | {verdict} | {memory} |"
        )
    return "\n".join(rows)


def machine_info(cr):
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    cr.execute("SHOW server_version")
    postgres = cr.fetchone()[0]
    import odoo.release  # noqa: PLC0415

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory} RAM; PostgreSQL {postgres}; "
        f"Odoo {odoo.release.version}; Python {platform.python_version()}"
    )


def git_revision():
    try:
        revision = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return revision


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main():
    args = parse_args()

    def log(message):
        print(message, file=sys.stderr, flush=True)

    start_odoo(args)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    params = prepare_database(args, log)
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if not params.get("partners"):
            log(f"Generating {args.partners} partners and their profiles")
            seconds = generate(env, args.partners, args.seed, log)
            set_param(env, "partners", args.partners)
            set_param(env, "generation_seconds", round(seconds, 1))
            set_param(env, "generated_on", datetime.now().isoformat(" ", "seconds"))
            set_param(env, "addon_digest", addon_digest())
            cr.commit()
            vacuum_analyze(args.db)
            log(f"    generated in {seconds:.0f}s, database analyzed")
        else:
            set_param(env, "addon_digest", addon_digest())
        taxonomy = load_taxonomy(env)
        user, segments, mailings = ensure_fixtures(env, taxonomy)
        cr.commit()
        # Earlier runs' rolled-back writes leave dead rows: clean them, so
        # every run starts from the same state.
        vacuum_analyze(args.db, VACUUMED_TABLES)
        params = {
            key: env["ir.config_parameter"].get_param(PARAM + key)
            for key in ("partners", "generation_seconds", "generated_on")
        }
        cr.execute("SELECT id FROM res_partner WHERE ref = 'BENCH' ORDER BY id")
        bench_ids = [partner_id for (partner_id,) in cr.fetchall()]
        cr.execute("SELECT count(*) FROM crm_profiling_line")
        n_lines = cr.fetchone()[0]
        step = max(1, len(bench_ids) // args.batch)
        batch_ids = bench_ids[::step][: args.batch]
        info = machine_info(cr)

        user_env = api.Environment(cr, user.id, {})
        user_env = user_env(context=user_env["res.users"].context_get())
        cases = [
            case
            for case in build_cases(env, taxonomy, segments, mailings, batch_ids)
            if any(word in case.name.lower() for word in args.only.lower().split(","))
        ]
        log(f"Measuring {len(cases)} cases, median of {args.repeat}, as {user.login}")
        for case in cases:
            measure(user_env, case, args.repeat, log)
        cr.rollback()

    header = [
        "# crm_profilazione benchmark",
        "",
        f"- Partners: {int(params['partners']):,}, profiles: {n_lines:,} "
        f"({n_lines / int(params['partners']):.1f} per partner); database "
        f"generated on {params['generated_on']} in {params['generation_seconds']} s",
        f"- Machine: {info}",
        f"- Median of {args.repeat} runs, as internal user `{BENCH_LOGIN}` "
        "(profiling user, Contacts creation, mailing user); ORM cache cleared "
        "before each run, writes rolled back after it",
        "- Peak memory: tracemalloc peak of Python allocations in one extra run",
        f"- Code: {git_revision()}, {datetime.now().isoformat(' ', 'seconds')}",
        "",
    ]
    output = "\n".join(header) + "\n" + table(cases) + "\n"
    print(output)
    if args.output:
        path = Path(args.output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
        log(f"Written to {path}")


if __name__ == "__main__":
    main()
