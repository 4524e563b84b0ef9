#!/bin/sh
# Runs once, when PostgreSQL initialises an empty data volume (docker-entrypoint-initdb.d).
# Temporal gets two databases of its own; Lockbox's read model gets a third, owned by a role that
# cannot touch Temporal's. Temporal's schemas are applied by the temporal-schema step.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set lockbox_password="$LOCKBOX_DB_PASSWORD" <<'SQL'
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
CREATE ROLE lockbox LOGIN PASSWORD :'lockbox_password';
CREATE DATABASE lockbox OWNER lockbox;
REVOKE ALL ON DATABASE temporal, temporal_visibility FROM PUBLIC;
SQL
