-- The embedded engine, part 2: timers, message subscriptions, published messages, and the links
-- between a call activity's instance and the instance it called.

-- A called instance knows its parent (the call activity's element instance) and its root, so a
-- command on any instance of a call tree can lock the root first: parent before child, always.
alter table process_instances
  add column parent_key bigint references process_instances (key),
  add column parent_element_instance_id integer,
  add column root_key bigint references process_instances (key),
  -- the correlation key of the message that started this instance (message start event), if any:
  -- while it is active, no other message with that key starts the same process
  add column start_correlation_key text;
create index process_instances_parent on process_instances (parent_key, parent_element_instance_id) where parent_key is not null;
create index process_instances_message_started on process_instances (process_id, start_correlation_key)
  where start_correlation_key is not null and status = 'active';

-- Timers: an instance's timer (its runtime subscription id), or a process's timer start event
-- (definition_key, no instance). A timer row exists exactly while the timer is armed.
create table timers (
  key bigint generated always as identity primary key,
  instance_key bigint references process_instances (key),
  subscription_id integer,
  definition_key bigint references process_definitions (key),
  process_id text not null,
  element_id text not null,
  element_instance_id integer,
  due_at timestamptz not null,
  -- start timers: how often this one has fired, so a counted cycle (R3/PT1H) stops after its count
  fired integer not null default 0,
  -- a timer loop's claim while it fires the timer; another process takes it when the claim runs out
  claimed_by text,
  claimed_until timestamptz,
  -- failed firings (not incidents: the database or the engine failed); each waits longer
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  check ((instance_key is null) = (subscription_id is null)),
  check (instance_key is not null or definition_key is not null)
);
create unique index timers_instance on timers (instance_key, subscription_id) where instance_key is not null;
create unique index timers_start on timers (definition_key, element_id) where instance_key is null;
create index timers_due on timers (due_at);
create index timers_claimed on timers (claimed_until) where claimed_until is not null;

-- Message subscriptions: an instance waiting for a message (name and correlation key), or a
-- process's message start event (no instance, no key: any key starts it).
create table message_subscriptions (
  key bigint generated always as identity primary key,
  instance_key bigint references process_instances (key),
  subscription_id integer,
  definition_key bigint references process_definitions (key),
  process_id text not null,
  element_id text not null,
  element_instance_id integer,
  message_name text not null,
  correlation_key text,
  interrupting boolean not null default true,
  created_at timestamptz not null default now(),
  check ((instance_key is null) = (subscription_id is null)),
  check (instance_key is not null or definition_key is not null),
  check (instance_key is null or correlation_key is not null)
);
create unique index message_subscriptions_instance on message_subscriptions (instance_key, subscription_id) where instance_key is not null;
create index message_subscriptions_match on message_subscriptions (message_name, correlation_key, key) where instance_key is not null;
create index message_subscriptions_start on message_subscriptions (message_name) where instance_key is null;

-- Published messages. A message with a time to live stays buffered until expires_at, and
-- correlates to subscriptions opened meanwhile, at most once per process (bpmnProcessId).
create table messages (
  key bigint generated always as identity primary key,
  name text not null,
  correlation_key text not null,
  variables jsonb not null default '{}',
  -- unique per name while buffered: set to null when a later publish finds this one expired
  message_id text,
  published_at timestamptz not null,
  expires_at timestamptz not null,
  published_by text,
  -- the processes it was correlated to: a process gets a message once
  correlated_processes text[] not null default '{}'
);
create unique index messages_id on messages (name, message_id) where message_id is not null;
create index messages_buffered on messages (name, correlation_key, expires_at);

-- Where each message went. Append-only, like the history.
create table message_correlations (
  message_key bigint not null references messages (key),
  process_id text not null,
  instance_key bigint not null references process_instances (key),
  element_id text not null,
  -- true when the message started the instance (a message start event)
  started boolean not null default false,
  correlated_at timestamptz not null,
  primary key (message_key, process_id)
);
create index message_correlations_instance on message_correlations (instance_key);
create trigger message_correlations_append_only before update or delete on message_correlations
  for each row execute function refuse_history_change();
