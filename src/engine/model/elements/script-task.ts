import { checkFeelSyntax } from '../../feel.js'
import { attribute, describeElement, extension } from '../moddle.js'
import { capitalize, readJobDefinition } from '../extensions.js'
import type { ElementReader } from './reader.js'

// Zeebe runs a script task one of two ways: a FEEL expression evaluated by the
// engine (zeebe:script), or a job for a script worker (zeebe:taskDefinition).
export const readScriptTask: ElementReader = (source, context) => {
  const described = capitalize(describeElement(source))
  const script = extension(source, 'zeebe:Script')
  if (!script) {
    if (!extension(source, 'zeebe:TaskDefinition')) {
      context.problem(source.id ?? null, `${described} has neither a FEEL script (zeebe:script) nor a job type (zeebe:taskDefinition).`)
      return null
    }
    const job = readJobDefinition(source, context)
    return job === null ? null : { kind: 'scriptTask', script: null, job }
  }
  const expression = attribute(script, 'expression')?.trim()
  const resultVariable = attribute(script, 'resultVariable')?.trim()
  let ok = true
  if (expression === undefined || !expression.startsWith('=')) {
    context.problem(source.id ?? null, `${described} needs a FEEL script expression starting with '=' (zeebe:script expression), found ${expression === undefined ? 'none' : `'${expression}'`}.`)
    ok = false
  } else {
    const error = checkFeelSyntax(expression.slice(1))
    if (error !== null) {
      context.problem(source.id ?? null, `The script of ${describeElement(source)} is not valid FEEL: '${expression}' (${error}).`)
      ok = false
    }
  }
  if (resultVariable === undefined) {
    context.problem(source.id ?? null, `${described} has no result variable (zeebe:script resultVariable) to store the script's result in.`)
    ok = false
  }
  if (!ok || expression === undefined || resultVariable === undefined) return null
  return { kind: 'scriptTask', script: { expression: expression.slice(1), resultVariable }, job: null }
}
