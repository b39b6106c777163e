-- What a caseworker has typed into a task's form and not yet submitted, per task and person, so
-- that it comes back after a reload or a lost session. Removed when the task is completed (by the
-- web app) and with the task. Variables may hold health information, as the task's own do.

create table task_drafts (
  task_key bigint not null references user_tasks (key) on delete cascade,
  username text not null check (char_length(username) between 1 and 256),
  variables jsonb not null check (jsonb_typeof(variables) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (task_key, username)
);
