-- Placeholder on the web-shell branch only: this migration number is another branch's, and
-- migrate.ts wants numbers without gaps, so this stands in until the lead merges: drop it then.
select 1;
