-- Forms: form-js schemas deployed with (or without) BPMN, versioned per form id like processes.
-- A byte-identical redeploy is the existing version; form_deployments records every deployment
-- a form version came with, so a deployment's answer can list its forms, new or not.

create table forms (
  key bigint generated always as identity primary key,
  form_id text not null,
  version integer not null,
  resource_name text not null,
  -- sha256 of the file: a byte-identical redeploy is the same version
  checksum text not null,
  -- the file as deployed, served back byte for byte
  source text not null,
  deployment_key bigint not null references deployments (key),
  deployed_at timestamptz not null default now(),
  unique (form_id, version)
);

create table form_deployments (
  deployment_key bigint not null references deployments (key),
  form_key bigint not null references forms (key),
  primary key (deployment_key, form_key)
);
