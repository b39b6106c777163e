-- KE casework a KE leader and the county governor would accept (issue 15), and idempotent rule
-- decisions (issue 11).

-- A rule decision is made once per instance, step and job: a job that runs again after its
-- lease ran out finds the decision its first run recorded (src/rules/decisions.ts) instead of
-- writing a second one.
create unique index decisions_once_per_job on decisions (process_instance_key, element_id, job_key)
  where process_instance_key is not null and job_key is not null;

-- What a consent covers (the consent form's scope): individual-plan, coordinator,
-- information-sharing. Sharing a person's information with the intake group or other agencies
-- needs the last one or another legal basis (helsepersonelloven § 21 ff., forvaltningsloven § 13).
alter table consents add column scope text[] not null default '{}';

-- On what basis the case's information may be shared across agencies, as the process decided it:
-- consent, another legal basis (named in sharing_note), anonymous discussion, or none (the KE
-- handles the case alone). Null until a complex case has been routed.
alter table cases add column sharing_basis text check (sharing_basis in ('consent', 'legal-basis', 'anonymous', 'none'));
alter table cases add column sharing_note text;

-- A meeting is held at or after its start, with who attended; an outcome belongs to a held meeting.
alter table intake_meetings add column held_at timestamptz;
alter table intake_meetings add column held_by text;
alter table intake_meetings add column attendees text[] not null default '{}';
-- A case discussed without the person's name (where the municipality's routine allows it), and
-- the coordinator the group recommends, if any.
alter table agenda_items add column anonymous boolean not null default false;
alter table agenda_items add column recommended_coordinator_id bigint references coordinators (id);
