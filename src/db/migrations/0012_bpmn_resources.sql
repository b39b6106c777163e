-- A BPMN file is stored once, by the sha256 of its text, however many processes it holds and
-- however often it is deployed: each process definition names its file's checksum. Before this a
-- file with 2,000 processes was stored 2,000 times, and every list of definitions read it all.
create table bpmn_resources (
  checksum text primary key,
  content text not null,
  stored_at timestamptz not null default now()
);

insert into bpmn_resources (checksum, content)
  select distinct on (checksum) checksum, xml from process_definitions order by checksum, key;

alter table process_definitions drop column xml;
alter table process_definitions add constraint process_definitions_resource foreign key (checksum) references bpmn_resources (checksum);
