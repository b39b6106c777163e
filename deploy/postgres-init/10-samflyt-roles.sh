#!/bin/sh
# Runs once, when the Postgres container first creates its data folder (docker-entrypoint-initdb.d).
# Three roles: the cluster's superuser (postgres) for the DBA only; samflyt_owner, who owns the
# samflyt database and its schema and runs the migrations; samflyt_app, the application, which
# logs in with its own password and gets only select, insert, update and delete (migration 0008).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SAMFLYT_OWNER_PASSWORD" -v app_password="$SAMFLYT_APP_PASSWORD" <<'EOSQL'
create role samflyt_owner login password :'owner_password';
create role samflyt_app login password :'app_password' nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
create database samflyt owner samflyt_owner;
revoke all on database samflyt from public;
grant connect, temporary on database samflyt to samflyt_owner, samflyt_app;
EOSQL
