-- A sent letter is frozen in every column (0008), and retention empties the personal data of a
-- closed case once its time is up (0010, docs/retention.md): the one change to a sent letter
-- allowed is that removal, recorded in audit_removals first, with the checksum of what was sent
-- kept so the chain still verifies.
create or replace function refuse_sent_letter_change() returns trigger language plpgsql as $$
declare
  bookkeeping constant text[] := array['dispatch_status', 'last_error', 'dispatch_lease_until', 'dispatch_attempts', 'status'];
begin
  -- Retention (src/audit/retention.ts) may empty a sent letter's data and PDF, keeping the
  -- checksum of what was sent, once the removal is recorded; nothing else of it may change.
  if old.status in ('sent', 'sent-by-post') and new.data = '{"removed": true}'::jsonb and new.pdf = ''::bytea
     and (to_jsonb(new) - array['data', 'pdf']) = (to_jsonb(old) - array['data', 'pdf'])
     and exists (select 1 from audit_removals r where r.chain = 'case' and r.chain_key = old.case_id and r.field = 'letters.data,pdf') then
    return new;
  end if;
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
