-- Letters: decision letters and interim replies, the PDF exactly as approved and sent, who
-- created, approved and sent it, and its dispatch. Who opened a letter is recorded in the
-- case's access log (case_access_log, 0005), with the letter named in the purpose.

create table letters (
  id uuid primary key default gen_random_uuid(),
  case_id bigint not null references cases (id),
  -- The process instance it belongs to: the one whose step made it, or else the one sending it.
  instance_key bigint references process_instances (key),
  kind text not null check (kind in ('decision', 'interim-reply')),
  language text not null check (language in ('nb', 'nn')),
  status text not null check (status in ('draft', 'approved', 'sent', 'failed', 'sent-by-post')),
  -- What it was rendered from (LetterData: personal data, protected like the case itself).
  data jsonb not null,
  pdf bytea not null,
  -- sha256 of pdf, and the template file it came from with that file's sha256.
  checksum text not null,
  template_name text not null,
  template_checksum text not null,
  -- How it left: the dispatch service, the local outbox (embedded default), or paper by hand.
  channel text check (channel in ('svarut', 'outbox', 'post')),
  -- Sent with the dispatch service's request, so a retried send is recognised, never doubled.
  idempotency_key uuid not null unique default gen_random_uuid(),
  -- The dispatch service's id for the shipment (stored before sending) and its last status.
  dispatch_id text,
  dispatch_status text,
  dispatch_attempts integer not null default 0,
  -- One dispatch at a time: a sender holds the letter until then.
  dispatch_lease_until timestamptz,
  -- The BPMN step that dispatches it, so a resend can resume that step's incident.
  dispatch_element_id text,
  last_error text,
  created_by text not null,
  created_at timestamptz not null default now(),
  approved_by text,
  approved_at timestamptz,
  sent_by text,
  sent_at timestamptz,
  check (status = 'draft' or approved_by is not null),
  check (status not in ('sent', 'sent-by-post') or (sent_at is not null and channel is not null))
);
create index letters_case on letters (case_id, created_at);
create index letters_following on letters (sent_at) where status = 'sent' and channel = 'svarut';

-- Once approved, the PDF is what was approved: the database refuses to change it.
create function refuse_approved_pdf_change() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' and (new.pdf is distinct from old.pdf or new.checksum is distinct from old.checksum or new.data is distinct from old.data) then
    raise exception 'letter % is %: its PDF and data can no longer change', old.id, old.status;
  end if;
  return new;
end
$$;
create trigger letters_pdf_frozen before update on letters
  for each row execute function refuse_approved_pdf_change();
create trigger letters_not_deleted before delete on letters
  for each row execute function refuse_history_change();
