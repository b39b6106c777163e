-- Tamper evidence (src/audit): every history row and every access-log row carries a hash of its
-- canonical content and of the row before it, per instance and per case; the heads of the chains
-- are sealed into an append-only, itself chained, table of seals; removals of personal data under
-- the retention rules are recorded, so a chain stays verifiable over what remains.
-- The hashes are computed in Node (src/audit/canonical.ts), never from Postgres's JSON text.

-- hex SHA-256 of the row (see src/audit/hash.ts); null on rows written before this migration
alter table history add column hash text;
-- the head of the instance's history chain: the hash of its last history row
alter table process_instances add column history_hash text;

alter table case_access_log add column seq integer;
alter table case_access_log add column hash text;
alter table case_access_log add constraint case_access_log_seq unique (case_id, seq);

-- The head of each case's access-log chain; its row lock orders the case's concurrent readers.
create table audit_access_heads (
  case_id bigint primary key references cases (id),
  seq integer not null default 0,
  hash text
);

-- Seals: the head of a chain (history of an instance, access log of a case) at a moment. Each
-- seal carries the hash of the seal before it, so the seals are one chain of their own.
create table audit_seals (
  id bigint generated always as identity primary key,
  chain text not null check (chain in ('history', 'access')),
  chain_key bigint not null,
  seq integer not null,
  hash text not null,
  sealed_at timestamptz not null,
  prev_seal_hash text,
  seal_hash text not null
);
create index audit_seals_chain on audit_seals (chain, chain_key, seq);

-- What the retention job removed: the row and field, and the hash of what was there, so that
-- verification can check the chain over what remains plus these records.
create table audit_removals (
  id bigint generated always as identity primary key,
  chain text not null check (chain in ('history', 'case')),
  chain_key bigint not null,
  seq integer,
  field text not null,
  content_hash text,
  reason text not null,
  removed_at timestamptz not null
);
create index audit_removals_chain on audit_removals (chain, chain_key, seq);

create trigger audit_seals_append_only before update or delete on audit_seals
  for each row execute function refuse_history_change();
create trigger audit_seals_no_truncate before truncate on audit_seals
  for each statement execute function refuse_history_change();
create trigger audit_removals_append_only before update or delete on audit_removals
  for each row execute function refuse_history_change();
create trigger audit_removals_no_truncate before truncate on audit_removals
  for each statement execute function refuse_history_change();

-- History stays append-only, with one exception: the retention job may replace a row's data by
-- the removal mark, and only once the removal is recorded; nothing else of the row may change.
create function refuse_history_change_but_removal() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and new.instance_key = old.instance_key and new.seq = old.seq and new.type = old.type
     and new.element_id is not distinct from old.element_id
     and new.element_instance_id is not distinct from old.element_instance_id
     and new.actor is not distinct from old.actor and new.at = old.at and new.hash is not distinct from old.hash
     and new.data = '{"removed": true}'::jsonb
     and exists (select 1 from audit_removals r
                 where r.chain = 'history' and r.chain_key = old.instance_key and r.seq = old.seq and r.field = 'data') then
    return new;
  end if;
  raise exception 'history is append-only: % on % is refused', tg_op, tg_table_name;
end
$$;
drop trigger history_append_only on history;
create trigger history_append_only before update or delete on history
  for each row execute function refuse_history_change_but_removal();

-- The same one exception for the rules' decisions (the facts, health information, emptied) and
-- for approved letters (data and PDF emptied, the checksum of what was sent kept), each only
-- once the removal is recorded.
create function refuse_rules_change_but_removal() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.facts = '{}'::jsonb
     and (to_jsonb(new) - 'facts') = (to_jsonb(old) - 'facts')
     and exists (select 1 from audit_removals r
                 where r.chain = 'history' and r.chain_key = old.process_instance_key and r.field = 'decisions.facts') then
    return new;
  end if;
  raise exception '% is append-only: % is refused', tg_table_name, tg_op;
end
$$;
drop trigger decisions_append_only on decisions;
create trigger decisions_append_only before update or delete on decisions
  for each row execute function refuse_rules_change_but_removal();

create function refuse_approved_pdf_change_but_removal() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' and (new.pdf is distinct from old.pdf or new.checksum is distinct from old.checksum or new.data is distinct from old.data) then
    if new.data = '{"removed": true}'::jsonb and new.pdf = ''::bytea and new.checksum = old.checksum
       and exists (select 1 from audit_removals r where r.chain = 'case' and r.chain_key = old.case_id and r.field = 'letters.data,pdf') then
      return new;
    end if;
    raise exception 'letter % is %: its PDF and data can no longer change', old.id, old.status;
  end if;
  return new;
end
$$;
drop trigger letters_pdf_frozen on letters;
create trigger letters_pdf_frozen before update on letters
  for each row execute function refuse_approved_pdf_change_but_removal();
