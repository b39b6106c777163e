-- The database enforces the audit rules itself, also against the application.
--
-- Migrations run as the schema's owner. The application runs as samflyt_app: not a superuser,
-- owner of nothing, granted only select, insert, update and delete. It cannot alter a table,
-- disable a trigger (only an owner or a superuser can), truncate (not granted, and every
-- append-only table refuses it anyway), or set session_replication_role (superusers only).
-- See src/db/app-role.ts for how Samflyt connects as it.

-- Roles are cluster-wide, and many databases (a test suite's, several installations) may share
-- one server: the role is created once, whoever gets there first; an existing one is kept as
-- it is (a DBA may have made it, with a password, before Samflyt ever ran).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'samflyt_app') then
    begin
      -- LOGIN so that an operator can give it a password and connect with it
      -- (SAMFLYT_APP_DATABASE_URL); without a password, password authentication refuses it.
      create role samflyt_app login nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
    exception
      when duplicate_object or unique_violation then null; -- another database's migration made it just now
      when insufficient_privilege then
        raise exception 'the role samflyt_app does not exist and % may not create it: create it first (see README, "Database roles")', current_user;
    end;
  end if;
end
$$;

-- The owner may act as the application (SET ROLE samflyt_app) when no separate login is
-- configured. A superuser needs no membership; for another owner it is granted when possible.
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) and not pg_has_role(current_user, 'samflyt_app', 'member') then
    execute format('grant samflyt_app to %I', current_user);
  end if;
exception
  when insufficient_privilege then null; -- then SAMFLYT_APP_DATABASE_URL must be set
end
$$;

grant usage on schema public to samflyt_app;
grant select, insert, update, delete on all tables in schema public to samflyt_app;
grant usage, select, update on all sequences in schema public to samflyt_app;
-- Tables and sequences later migrations create (as the same owner) get the same grants.
alter default privileges in schema public grant select, insert, update, delete on tables to samflyt_app;
alter default privileges in schema public grant usage, select, update on sequences to samflyt_app;
-- Which migrations ran is the owner's business; the application only reads it (/ready).
revoke insert, update, delete on schema_migrations from samflyt_app;

-- Every append-only table refuses TRUNCATE, as it refuses update and delete.
create trigger message_correlations_no_truncate before truncate on message_correlations
  for each statement execute function refuse_history_change();
create trigger rule_set_versions_no_truncate before truncate on rule_set_versions
  for each statement execute function refuse_rules_change();
create trigger letters_no_truncate before truncate on letters
  for each statement execute function refuse_history_change();

-- A sent letter is what was sent: every column is frozen, but for the delivery's bookkeeping.
-- While it is sent (or sent by post) the only changes allowed are the dispatch service's later
-- word on a letter it carries (dispatch_status, last_error, and sent -> failed when it could
-- not deliver) and the dispatch lease (dispatch_lease_until, dispatch_attempts only upward).
-- No letter ever goes back to draft or approved once it has been sent or has failed, and who
-- approved it stays as it was unless an approval is undone before sending (approved -> draft).
create function refuse_sent_letter_change() returns trigger language plpgsql as $$
declare
  bookkeeping constant text[] := array['dispatch_status', 'last_error', 'dispatch_lease_until', 'dispatch_attempts', 'status'];
begin
  if new.id is distinct from old.id or new.case_id is distinct from old.case_id or new.kind is distinct from old.kind
     or new.created_by is distinct from old.created_by or new.created_at is distinct from old.created_at then
    raise exception 'letter %: its id, case, kind and creator never change', old.id;
  end if;
  if old.status in ('sent', 'sent-by-post', 'failed') and new.status in ('draft', 'approved') then
    raise exception 'letter % is %: it cannot go back to %', old.id, old.status, new.status;
  end if;
  if old.status <> 'draft' and not (old.status = 'approved' and new.status = 'draft')
     and (new.approved_by is distinct from old.approved_by or new.approved_at is distinct from old.approved_at) then
    raise exception 'letter % is %: who approved it and when can no longer change', old.id, old.status;
  end if;
  if old.status in ('sent', 'sent-by-post') then
    if (to_jsonb(new) - bookkeeping) is distinct from (to_jsonb(old) - bookkeeping)
       or (new.status is distinct from old.status and not (old.status = 'sent' and old.channel = 'svarut' and new.status = 'failed'))
       or (old.channel is distinct from 'svarut' and (new.dispatch_status is distinct from old.dispatch_status or new.last_error is distinct from old.last_error))
       or new.dispatch_attempts < old.dispatch_attempts then
      raise exception 'letter % is %: a sent letter cannot change', old.id, old.status;
    end if;
  end if;
  return new;
end
$$;
create trigger letters_sent_frozen before update on letters
  for each row execute function refuse_sent_letter_change();
