-- Local accounts and instance-wide settings (such as the generated token signing secret).

create table users (
  id bigint generated always as identity primary key,
  username text not null unique check (username ~ '^[a-z0-9._@-]{2,64}$'),
  display_name text not null,
  -- scrypt$N$r$p$salt$hash; null for accounts that sign in through OpenID Connect only
  password_hash text,
  roles text[] not null check (
    roles <@ array['caseworker', 'intake-group', 'coordinator', 'process-owner', 'auditor', 'admin']::text[]
  ),
  unit text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table settings (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
