-- The rules layer: deployed rule-set versions, and the decisions made with them.

-- Rule sets deploy like BPMN: each id has versions 1, 2, 3 ... in deployment order. A redeploy
-- whose canonical JSON (keys sorted, no whitespace) matches the latest version's is that version.
create table rule_set_versions (
  key bigint generated always as identity primary key,
  rule_set_id text not null,
  version integer not null,
  -- the file's own "version" (rule-set.ts): raised by the process owner on every change
  declared_version integer not null,
  subject text not null check (subject in ('case', 'candidate')),
  description text not null,
  -- sha256 of the canonical JSON
  checksum text not null,
  -- the rule set as deployed, with its keys in the order the process owner wrote them
  content text not null,
  deployed_at timestamptz not null default now(),
  deployed_by text,
  unique (rule_set_id, version)
);

-- One row per evaluation inside a case (what-if checks through the API are not recorded).
create table decisions (
  id bigint generated always as identity primary key,
  rule_set_key bigint not null references rule_set_versions (key),
  rule_set_id text not null,
  version integer not null,
  declared_version integer not null,
  -- only the facts the rules read, and what those were derived from (the identity number masked)
  facts jsonb not null,
  -- [{ type, params }] in the rule set's order; for a candidate rule set, the ranking
  events jsonb not null,
  -- [{ rule, reason, reasonNn, law }]: bokmål and nynorsk, worded so a letter can quote them
  reasons jsonb not null,
  -- Where it was made: a process instance and element, when it came from a business-rule task.
  -- No foreign key: on Camunda 8 the instance lives in Zeebe, not here.
  process_instance_key bigint,
  element_id text,
  job_key text,
  case_reference text,
  evaluated_at timestamptz not null default now(),
  -- a username, or the worker that evaluated it
  actor text
);
create index decisions_instance on decisions (process_instance_key, id) where process_instance_key is not null;
create index decisions_case on decisions (case_reference, id) where case_reference is not null;

-- Decisions are evidence: the database itself refuses to change or remove them (as history).
create function refuse_rules_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is refused', tg_table_name, tg_op;
end
$$;
create trigger decisions_append_only before update or delete on decisions
  for each row execute function refuse_rules_change();
create trigger decisions_no_truncate before truncate on decisions
  for each statement execute function refuse_rules_change();

-- A deployed version is what recorded decisions point to: it never changes either.
create trigger rule_set_versions_append_only before update or delete on rule_set_versions
  for each row execute function refuse_rules_change();
