#!/bin/sh
# The services' roles (docs/OPERATIONS.md, "Database roles"), created once by the official postgres image on a
# new volume (/docker-entrypoint-initdb.d), as its superuser, in the services' database. The services connect
# as budgetledger_app and migrate as budgetledger_owner; they grant the application's role its tables themselves.
# Passwords come from .env (BUDGETLEDGER_OWNER_PASSWORD, BUDGETLEDGER_APP_PASSWORD); psql quotes them.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v database="$POSTGRES_DB" \
    -v owner_password="$BUDGETLEDGER_OWNER_PASSWORD" \
    -v app_password="$BUDGETLEDGER_APP_PASSWORD" <<'SQL'
CREATE ROLE budgetledger_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE budgetledger_app LOGIN NOINHERIT PASSWORD :'app_password';
GRANT CREATE ON DATABASE :"database" TO budgetledger_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE :"database" FROM PUBLIC;
SQL
