// Deploying BPMN files and reading the definitions back.
import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { SamflytError, notFound } from '../../../errors.js'
import { LIMIT_SETTINGS } from '../../../engine/limits.js'
import { listDefinitions, definitionByKey } from '../../../engine/store/definitions.js'
import type { Resource } from '../../../engine/deploy.js'
import { Definition, DeployedProcess, KeyParams } from './schemas.js'
import { formsOfDeployment } from '../../../forms/store.js'
import { DeployedForm, presentForm } from '../forms.js'

const READERS = ['process-owner', 'admin', 'auditor', 'caseworker'] as const

/**
 * The deployment's files: multipart parts, or one XML body. A multipart body that cannot be read
 * (cut short, without its boundary) is the caller's 400, and one over the deployment limit a 413
 * as soon as the limit is passed, not once it is all in memory.
 */
async function resourcesOf(request: FastifyRequest, maxBytes: number): Promise<Resource[]> {
  if (!request.isMultipart()) {
    const name = (request.query as { name?: string }).name ?? 'diagram.bpmn'
    return [{ name, xml: String(request.body ?? '') }]
  }
  const resources: Resource[] = []
  let bytes = 0
  try {
    for await (const part of request.files()) {
      const content = await part.toBuffer()
      bytes += content.length
      if (bytes > maxBytes) {
        const message = `is over ${maxBytes} bytes; the limit is ${maxBytes} (${LIMIT_SETTINGS.deploymentMaxBytes})`
        throw new SamflytError('SAMFLYT_BODY_TOO_LARGE', `The deployment ${message}`, [{ path: '/body', message, code: 'limit' }])
      }
      resources.push({ name: part.filename || part.fieldname, xml: content.toString('utf8') })
    }
  } catch (error) {
    if (error instanceof SamflytError) throw error
    const status = (error as { statusCode?: number }).statusCode
    const reason = error instanceof Error ? error.message : String(error)
    if (status === 413) throw new SamflytError('SAMFLYT_BODY_TOO_LARGE', `A file of the deployment is too large: ${reason}`, [{ path: '/body', message: reason }])
    throw new SamflytError('SAMFLYT_VALIDATION', `The multipart body could not be read: ${reason}`, [{ path: '/body', message: reason }])
  }
  return resources
}

export async function deploymentRoutes(app: App) {
  app.post('/api/deployments', {
    config: { roles: ['process-owner', 'admin'] },
    schema: {
      tags: ['engine'],
      summary: 'Deploy BPMN and form files, all or nothing',
      description: 'Send multipart/form-data with one file per resource (BPMN, and form-js forms named *.form), or one BPMN XML body (application/xml) with ?name=file.bpmn. A byte-identical redeploy returns the existing version. A broken file refuses the whole deployment (400 naming the file and the element or form component), and so does a user task linking a form (zeebe:formDefinition formId) that is neither in the deployment nor deployed before.',
      querystring: Type.Object({ name: Type.Optional(Type.String({ pattern: '^[\\w.\\- ]{1,200}$' })) }),
      response: { 201: Type.Object({ deploymentKey: Type.String(), processes: Type.Array(DeployedProcess), forms: Type.Array(Type.Object({ ...DeployedForm.properties, isNew: Type.Boolean() })) }), ...errorResponses(400, 413, 415) },
    },
  }, async (request, reply) => {
    const resources = await resourcesOf(request, app.engine.limits.deployment.maxBytes)
    if (resources.length === 0 || resources.every((r) => r.xml.trim() === '')) {
      throw new SamflytError('SAMFLYT_VALIDATION', 'Send at least one BPMN or form file (multipart) or a BPMN XML body')
    }
    const result = await app.engine.deploy(resources, principalOf(request).username)
    const forms = (await formsOfDeployment(app.db.sql, result.deploymentKey)).map((row) => ({ ...presentForm(row), isNew: row.deploymentKey === result.deploymentKey }))
    request.log.info({ processes: result.processes.map((p) => `${p.processId}:${p.version}`), forms: forms.map((f) => `${f.formId}:${f.version}`) }, 'deployed')
    return reply.status(201).send({ ...result, forms })
  })

  app.get('/api/process-definitions', {
    config: { roles: READERS },
    schema: {
      tags: ['engine'],
      summary: 'Deployed process definitions: the latest version of each, and all versions (without their XML)',
      querystring: Type.Object({ processId: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ latest: Type.Array(Definition), all: Type.Array(Definition) }) },
    },
  }, async (request) => {
    const all = (await listDefinitions(app.db.sql, request.query.processId)).map(({ checksum: _c, ...row }) => ({ ...row, deployedAt: row.deployedAt.toISOString() }))
    const latest = all.filter((row, index) => index === 0 || all[index - 1]!.processId !== row.processId)
    return { latest, all }
  })

  app.get('/api/process-definitions/:key', {
    config: { roles: READERS },
    schema: { tags: ['engine'], summary: 'One definition, with its BPMN XML', params: KeyParams, response: { 200: Definition, ...errorResponses(404) } },
  }, async (request) => {
    const row = await definitionByKey(app.db.sql, request.params.key)
    if (!row) throw notFound('Process definition', request.params.key)
    const { checksum: _c, ...rest } = row
    return { ...rest, deployedAt: row.deployedAt.toISOString() }
  })
}
