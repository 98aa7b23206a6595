#!/usr/bin/env bash
# Set-up, run and test for crm_profilazione. Called by the Makefile:
#   scripts/dev.sh run    set up, create/upgrade the demo database, serve
#   scripts/dev.sh test   set up, fresh test database, pytest + lint
#   scripts/dev.sh bench  set up, then the benchmark (see benchmarks/)
# Every step is idempotent: a second run only checks and goes on.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-$HOME/.cache/crm_profilazione/odoo-19.0}"
ODOO_BRANCH="19.0"
ODOO_UPSTREAM="https://github.com/odoo/odoo.git"
VENV="$REPO/.venv"
PYTHON="${PYTHON:-python3}"
DB_NAME="${DB_NAME:-crm_profilazione}"
TEST_DB="${TEST_DB:-crm_profilazione_test}"
HTTP_PORT="${HTTP_PORT:-8069}"
ODOO_RC="$REPO/.odoorc"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@";
    elif command -v sudo >/dev/null; then sudo "$@";
    else die "need root (or sudo) to run: $*"; fi
}

# --------------------------------------------------------------------------
# System packages: PostgreSQL server, headers to build psycopg2/python-ldap,
# Chromium for the tours. Installed only where missing.
# --------------------------------------------------------------------------
ensure_system_packages() {
    step "Checking system packages"
    local wanted=(libpq-dev libldap2-dev libsasl2-dev build-essential chromium gettext)
    if [ -z "${PGHOST:-}" ]; then wanted+=(postgresql); fi
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    # Node.js may come from elsewhere than Debian: only the command matters.
    command -v npm >/dev/null || missing+=(nodejs npm)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "    all present"
        return
    fi
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get"
    echo "    installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# --------------------------------------------------------------------------
# Odoo source: $ODOO_SRC, else a shallow clone of the official 19.0 branch.
# --------------------------------------------------------------------------
ensure_odoo_source() {
    step "Looking for the Odoo 19.0 source in $ODOO_SRC"
    if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
        echo "    not found: shallow clone of $ODOO_UPSTREAM ($ODOO_BRANCH)"
        mkdir -p "$(dirname "$ODOO_SRC")"
        git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_UPSTREAM" "$ODOO_SRC"
    fi
    local series
    series="$("$PYTHON" -c 'import runpy, sys; print(runpy.run_path(sys.argv[1])["series"])' \
        "$ODOO_SRC/odoo/release.py")"
    [ "$series" = "$ODOO_BRANCH" ] || die "$ODOO_SRC holds Odoo $series, not $ODOO_BRANCH"
    echo "    Odoo $series found"
}

# --------------------------------------------------------------------------
# Virtualenv with Odoo's requirements (with our Python 3.11 overrides) and
# the test tools. A stamp of the inputs skips the work on the next run.
# --------------------------------------------------------------------------
ensure_venv() {
    step "Preparing the virtualenv $VENV"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "Python 3.11+ required ($PYTHON is $("$PYTHON" --version))"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    local reqs="$VENV/odoo-requirements.txt" stamp="$VENV/.installed"
    # Odoo's list minus the packages we pin ourselves, then our pins.
    local overridden
    overridden="$(grep -v '^\s*#' "$REPO/scripts/odoo-overrides.txt" \
        | sed -n 's/^\([A-Za-z0-9_.-]*\).*/\1/p' | paste -sd'|')"
    {
        grep -v -i -E "^\s*($overridden)\s*[=<>; ]" "$ODOO_SRC/requirements.txt"
        cat "$REPO/scripts/odoo-overrides.txt" "$REPO/scripts/test-requirements.txt"
    } >"$reqs"
    local digest
    digest="$(cat "$reqs" | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
        echo "    requirements already installed"
    else
        "$VENV/bin/pip" install -q --upgrade pip wheel setuptools
        "$VENV/bin/pip" install -q -r "$reqs"
        echo "$digest" >"$stamp"
    fi
    # Odoo is used in place rather than pip-installed: a .pth file puts the
    # source on the path, so a newer checkout needs no reinstall.
    local site
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$ODOO_SRC" >"$site/odoo-src.pth"
    "$VENV/bin/python" -c 'import odoo.release as r; print("    odoo", r.version)'
}

# Prettier and its XML plugin, pinned in package-lock.json, for the XML check.
ensure_node_tools() {
    step "Preparing the XML formatter (npm)"
    if [ -x "$REPO/node_modules/.bin/prettier" ] \
        && cmp -s "$REPO/package-lock.json" "$REPO/node_modules/.package-lock.json.copy"; then
        echo "    already installed"
        return
    fi
    (cd "$REPO" && npm ci --silent --no-audit --no-fund)
    cp "$REPO/package-lock.json" "$REPO/node_modules/.package-lock.json.copy"
}

# --------------------------------------------------------------------------
# PostgreSQL: PG* variables when given, else the local cluster, started on
# demand, with a superuser role named after the current user.
# --------------------------------------------------------------------------
ensure_postgres() {
    step "Checking PostgreSQL"
    if [ -n "${PGHOST:-}" ]; then
        pg_isready -q || die "PostgreSQL at PGHOST=$PGHOST is not reachable"
        echo "    using PGHOST=$PGHOST"
        return
    fi
    if ! pg_isready -q 2>/dev/null; then
        command -v pg_lsclusters >/dev/null || die "no PostgreSQL cluster tools found"
        local cluster
        cluster="$(pg_lsclusters -h | head -n1)"
        if [ -z "$cluster" ]; then
            local version
            version="$(ls /usr/lib/postgresql | sort -n | tail -n1)"
            [ -n "$version" ] || die "no PostgreSQL server installed"
            echo "    creating cluster $version/main"
            as_root pg_createcluster "$version" main
            cluster="$(pg_lsclusters -h | head -n1)"
        fi
        set -- $cluster
        echo "    starting cluster $1/$2"
        as_root pg_ctlcluster "$1" "$2" start
        for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
        pg_isready -q || die "PostgreSQL did not start"
    fi
    local me
    me="${PGUSER:-$(id -un)}"
    [ "$me" != postgres ] || die "Odoo refuses to run as the database user 'postgres'"
    if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
        echo "    creating role $me"
        as_root su postgres -c "createuser --superuser '$me'" \
            || die "could not create the PostgreSQL role $me"
    fi
    echo "    PostgreSQL ready for role $me"
}

write_config() {
    {
        echo "[options]"
        echo "addons_path = $ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$REPO"
        echo "data_dir = $REPO/.odoo-data"
        echo "http_interface = 127.0.0.1"
        echo "http_port = $HTTP_PORT"
        # Odoo reads the PG* variables itself; only explicit ones go here.
        [ -z "${PGHOST:-}" ] || echo "db_host = $PGHOST"
        [ -z "${PGPORT:-}" ] || echo "db_port = $PGPORT"
        [ -z "${PGUSER:-}" ] || echo "db_user = $PGUSER"
        [ -z "${PGPASSWORD:-}" ] || echo "db_password = $PGPASSWORD"
    } >"$ODOO_RC"
}

setup() {
    ensure_system_packages
    ensure_odoo_source
    ensure_venv
    ensure_node_tools
    ensure_postgres
    write_config
}

odoo_bin() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_RC" "$@"; }

db_exists() { psql -d postgres -tAc "select 1 from pg_database where datname='$1'" | grep -q 1; }

cmd_run() {
    setup
    if db_exists "$DB_NAME"; then
        step "Upgrading crm_profilazione in database $DB_NAME"
        odoo_bin -d "$DB_NAME" -u crm_profilazione --stop-after-init --log-level=warn
    else
        step "Creating database $DB_NAME with crm_profilazione and demo data"
        odoo_bin -d "$DB_NAME" -i crm_profilazione --with-demo --stop-after-init \
            --load-language=it_IT --log-level=warn
    fi
    step "Serving http://localhost:$HTTP_PORT (login admin / password admin)"
    exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_RC" -d "$DB_NAME" \
        --db-filter="^$DB_NAME\$"
}

cmd_lint() {
    step "Lint: ruff (check + format), pylint-odoo, prettier (XML)"
    cd "$REPO"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/pylint" --rcfile=.pylintrc crm_profilazione
    node_modules/.bin/prettier --check "crm_profilazione/**/*.xml"
    echo "    lint clean"
}

cmd_test() {
    setup
    cmd_lint
    step "Creating the throw-away database $TEST_DB"
    dropdb --if-exists "$TEST_DB"
    local log="$REPO/.odoo-data/test-install.log"
    mkdir -p "$REPO/.odoo-data"
    odoo_bin -d "$TEST_DB" -i crm_profilazione --stop-after-init \
        --log-level=info --logfile="$log" \
        || { tail -n 50 "$log"; die "installing crm_profilazione failed"; }
    "$VENV/bin/python" "$REPO/scripts/check_log.py" "$log"
    step "Checking the translations against the code"
    local fresh_pot="$REPO/.odoo-data/fresh.pot"
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" i18n export -c "$ODOO_RC" \
        -d "$TEST_DB" -o "$fresh_pot" crm_profilazione 2>/dev/null
    "$VENV/bin/python" "$REPO/scripts/check_i18n.py" "$fresh_pot" \
        "$REPO/crm_profilazione/i18n/crm_profilazione.pot" \
        "$REPO/crm_profilazione/i18n/it.po"
    step "Running pytest (unit, access and browser tests)"
    cd "$REPO"
    # -s and the INFO handler on the tests' loggers show each tour step
    "$VENV/bin/pytest" -c "$REPO/pyproject.toml" -s \
        --odoo-config="$ODOO_RC" --odoo-database="$TEST_DB" --odoo-http \
        --odoo-log-level=warn \
        --odoo-extra=log-handler=odoo.addons.crm_profilazione.tests:INFO \
        "crm_profilazione/tests" "$@"
    step "Uninstalling and reinstalling the addon on a copy with data"
    dropdb --if-exists "${TEST_DB}_reinstall"
    createdb -T "$TEST_DB" "${TEST_DB}_reinstall"
    "$VENV/bin/python" "$REPO/scripts/check_reinstall.py" \
        "$ODOO_SRC/odoo-bin" "$ODOO_RC" "${TEST_DB}_reinstall"
    dropdb "${TEST_DB}_reinstall"
}

# Export the .pot from the test database (run make test, or at least install
# the addon there, first) and merge it into it.po: new strings appear
# untranslated, for a translator to fill in.
cmd_i18n() {
    setup
    local pot="$REPO/crm_profilazione/i18n/crm_profilazione.pot"
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" i18n export -c "$ODOO_RC" \
        -d "$TEST_DB" -o "$pot" crm_profilazione
    msgmerge --quiet --update --no-fuzzy-matching --backup=none \
        "$REPO/crm_profilazione/i18n/it.po" "$pot"
    msgattrib --no-obsolete -o "$REPO/crm_profilazione/i18n/it.po" \
        "$REPO/crm_profilazione/i18n/it.po"
    msgattrib --untranslated "$REPO/crm_profilazione/i18n/it.po" | grep -c '^msgid' \
        | sed 's/^/    untranslated entries (the header counts as one): /' || true
    echo "    updated $pot and it.po"
}

cmd_bench() {
    setup
    cd "$REPO"
    "$VENV/bin/python" "$REPO/benchmarks/bench.py" --config "$ODOO_RC" "$@"
}

case "${1:-}" in
    setup) setup ;;
    run) cmd_run ;;
    test) shift; cmd_test "$@" ;;
    lint) setup; cmd_lint ;;
    bench) shift; cmd_bench "$@" ;;
    i18n) cmd_i18n ;;
    *) die "usage: $0 setup|run|test|lint|bench|i18n" ;;
esac
