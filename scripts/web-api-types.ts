// The web app's typed API client is generated from Samflyt's own OpenAPI document, so a route's
// request and response types in the browser are the server's schemas. `npm run web:api` writes
// src/web/api/schema.d.ts; test/web/api-types.test.ts fails when that file is stale.
import { fileURLToPath } from 'node:url'
import openapiTS from 'openapi-typescript'

export const WEB_API_TYPES = fileURLToPath(new URL('../src/web/api/schema.d.ts', import.meta.url))

const HEADER = `/**
 * Generated from Samflyt's /openapi.json by \`npm run web:api\` (openapi-typescript). Do not edit.
 */

`

export async function webApiTypes(document: unknown): Promise<string> {
  const types = await openapiTS(document as Parameters<typeof openapiTS>[0], { commentHeader: HEADER, alphabetize: true })
  return types
}
