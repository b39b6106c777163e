-- What each person chose in the web app, remembered on the server so it follows them from one
-- browser to the next. Keyed by username, not users.id: people who sign in through OpenID
-- Connect have no local account.

create table user_preferences (
  username text primary key check (char_length(username) between 1 and 256),
  -- nb: bokmål, nn: nynorsk
  language text not null check (language in ('nb', 'nn')),
  updated_at timestamptz not null default now()
);
