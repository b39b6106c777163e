-- Placeholder on the web-shell branch only: migration numbers below 0010 are another branch's.
-- migrate.ts wants them without gaps, so this stands in until the lead merges; drop it then.
select 1;
