#!/bin/sh
# One-shot (temporal-schema service): brings Temporal's two databases up to the schema of this
# server version. Safe to repeat: on a database that already has a schema, setup-schema keeps it
# and update-schema applies only newer migrations. The databases themselves are created by
# docker/postgres/create-databases.sh.
set -eu

schemas=/etc/temporal/schema/postgresql/v12
for database in temporal temporal_visibility; do
  case "$database" in
    temporal) versioned="$schemas/temporal/versioned" ;;
    *) versioned="$schemas/visibility/versioned" ;;
  esac
  echo "Temporal schema: $database"
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" \
    --db "$database" setup-schema -v 0.0
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" \
    --db "$database" update-schema -d "$versioned"
done
