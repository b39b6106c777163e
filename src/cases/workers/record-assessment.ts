// Registrer vurderingen: the facts the rules were evaluated on are saved on the case, and the
// route follows the complexity verdict: a complex case goes to the intake group.
import { REGISTRABLE_CASE_FACTS } from '../facts.js'
import { setStatus, updateCase } from '../cases.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const recordAssessment: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const facts: Record<string, unknown> = {}
    for (const name of REGISTRABLE_CASE_FACTS) {
      const value = job.variables[name]
      if (value !== undefined && value !== null) facts[name] = value
    }
    const route = job.variables.complex === true ? 'complex' : 'simple'
    await updateCase(tx, found.id, { facts: tx.json(facts as never), route })
    await setStatus(tx, found.id, route === 'complex' ? 'intake-group' : 'assessment')
    return { route }
  })
