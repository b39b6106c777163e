-- The embedded engine: definitions, instances, jobs, user tasks, incidents and history.
-- An instance's live state (tokens, element instances, variables) is one JSONB value on its row,
-- written once per command; element_instances and variables are views over it, for queries.

create table deployments (
  key bigint generated always as identity primary key,
  deployed_by text,
  deployed_at timestamptz not null default now()
);

create table process_definitions (
  key bigint generated always as identity primary key,
  process_id text not null,
  version integer not null,
  name text,
  resource_name text not null,
  -- sha256 of the resource: a byte-identical redeploy is the same version
  checksum text not null,
  xml text not null,
  deployment_key bigint not null references deployments (key),
  deployed_at timestamptz not null default now(),
  unique (process_id, version)
);

create table process_instances (
  key bigint generated always as identity primary key,
  definition_key bigint not null references process_definitions (key),
  process_id text not null,
  version integer not null,
  business_key text,
  status text not null check (status in ('active', 'completed', 'cancelled')),
  state jsonb not null,
  -- the last history sequence number written for this instance
  history_seq integer not null default 0,
  started_at timestamptz not null default now(),
  ended_at timestamptz
);
create index process_instances_business_key on process_instances (business_key) where business_key is not null;
create index process_instances_active on process_instances (process_id) where status = 'active';

create view element_instances as
  select i.key as instance_key, (e ->> 'id')::int as element_instance_id, e ->> 'elementId' as element_id,
         e ->> 'status' as status, (e ->> 'scope')::int as scope
  from process_instances i, jsonb_array_elements(i.state -> 'elements') e;

create view variables as
  select i.key as instance_key, 0 as scope, v.key as name, v.value
  from process_instances i, jsonb_each(i.state -> 'variables') v;

create table jobs (
  key bigint generated always as identity primary key,
  instance_key bigint not null references process_instances (key),
  element_instance_id integer not null,
  element_id text not null,
  type text not null,
  retries integer not null,
  -- failed attempts so far, for the backoff
  attempts integer not null default 0,
  custom_headers jsonb not null default '{}',
  variables jsonb not null default '{}',
  -- when the job may be handed out: now, or after a failure's backoff
  due_at timestamptz not null default now(),
  -- a worker's lease: another worker takes the job when it runs out
  worker text,
  lease_until timestamptz,
  error_message text,
  created_at timestamptz not null default now(),
  unique (instance_key, element_instance_id)
);
create index jobs_ready on jobs (type, due_at);

create table user_tasks (
  key bigint generated always as identity primary key,
  instance_key bigint not null references process_instances (key),
  element_instance_id integer not null,
  element_id text not null,
  process_id text not null,
  name text,
  state text not null default 'created' check (state in ('created', 'completed', 'cancelled')),
  assignee text,
  candidate_groups text[] not null default '{}',
  candidate_users text[] not null default '{}',
  due_date timestamptz,
  follow_up_date timestamptz,
  priority integer not null default 50,
  form_id text,
  form_key text,
  variables jsonb not null default '{}',
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  completed_by text,
  unique (instance_key, element_instance_id)
);
create index user_tasks_open on user_tasks (state, priority desc, key) where state = 'created';
create index user_tasks_groups on user_tasks using gin (candidate_groups) where state = 'created';

create table incidents (
  key bigint generated always as identity primary key,
  instance_key bigint not null references process_instances (key),
  -- the runtime's id for it within the instance
  incident_id integer not null,
  element_instance_id integer not null,
  element_id text not null,
  type text not null,
  message text not null,
  state text not null default 'active' check (state in ('active', 'resolved')),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by text,
  unique (instance_key, incident_id)
);
create index incidents_active on incidents (created_at) where state = 'active';

create table history (
  instance_key bigint not null references process_instances (key),
  seq integer not null,
  type text not null,
  element_id text,
  element_instance_id integer,
  -- who caused it: a username, a worker id, or 'engine' for timers and the like
  actor text,
  at timestamptz not null default now(),
  data jsonb not null default '{}',
  primary key (instance_key, seq)
);

-- History is append-only: the database itself refuses to change or remove it.
create function refuse_history_change() returns trigger language plpgsql as $$
begin
  raise exception 'history is append-only: % on % is refused', tg_op, tg_table_name;
end
$$;
create trigger history_append_only before update or delete on history
  for each row execute function refuse_history_change();
create trigger history_no_truncate before truncate on history
  for each statement execute function refuse_history_change();
