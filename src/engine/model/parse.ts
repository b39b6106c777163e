// BPMN XML -> validated, frozen process models, or a DeploymentError listing
// every problem (a diagram is refused whole, never half-run).
import { DeploymentError } from '../errors.js'
import type { DeploymentProblem } from '../errors.js'
import type { ProcessModel } from '../types.js'
import { buildProcess } from './build-process.js'
import type { ReadContext } from './extensions.js'
import { readXml } from './moddle.js'
import type { ModdleElement } from './moddle.js'
import type { ParseWarning } from 'bpmn-moddle'

/** One model per executable process in the file, in document order. */
export async function parseDefinition(xml: string): Promise<ProcessModel[]> {
  const problems: DeploymentProblem[] = []
  const context: ReadContext = { problem: (elementId, message) => problems.push({ elementId, message }) }

  let parsed: Awaited<ReturnType<typeof readXml>>
  try {
    parsed = await readXml(xml)
  } catch (error) {
    throw new DeploymentError([{ elementId: null, message: describeXmlError(error instanceof Error ? error.message : String(error)) }])
  }

  const unresolved = new Map<string, { sourceRef?: string; targetRef?: string }>()
  for (const warning of parsed.warnings) {
    const flowEnd = unresolvedFlowEnd(warning)
    if (flowEnd) unresolved.set(flowEnd.flowId, { ...unresolved.get(flowEnd.flowId), [flowEnd.property]: flowEnd.value })
    else problems.push(describeWarning(warning))
  }

  const definitions = parsed.rootElement as ModdleElement
  const processes = (definitions.rootElements ?? []).filter((element) => element.$type === 'bpmn:Process')
  const executable = processes.filter((process) => process.isExecutable === true)
  if (executable.length === 0) {
    const found = processes.length === 0 ? 'it has no <bpmn:process> at all' : `found ${processes.map((p) => `'${p.id}'`).join(', ')}, none with isExecutable="true"`
    problems.push({ elementId: null, message: `The definition has no executable process (${found}). Mark the process to run with isExecutable="true".` })
  }

  const models: ProcessModel[] = []
  for (const process of executable) {
    const model = buildProcess(process, unresolved, context)
    if (model) models.push(model)
  }
  if (problems.length > 0) throw new DeploymentError(problems)
  return models
}

/** A sequence flow's sourceRef/targetRef that names no element: reported by the flow check, with the flow's id. */
function unresolvedFlowEnd(warning: ParseWarning): { flowId: string; property: 'sourceRef' | 'targetRef'; value: string } | null {
  const { element, value } = warning
  const property = warning.property?.replace(/^bpmn:/, '')
  if (element?.$type !== 'bpmn:SequenceFlow' || element.id === undefined || value === undefined) return null
  if (property !== 'sourceRef' && property !== 'targetRef') return null
  return { flowId: element.id, property, value }
}

function describeWarning(warning: ParseWarning): DeploymentProblem {
  if (warning.element && warning.value !== undefined) {
    const id = warning.element.id ?? null
    return {
      elementId: id,
      message: `The ${warning.property?.replace(/^bpmn:/, '') ?? 'reference'} of '${id ?? warning.element.$type}' refers to '${warning.value}', but there is no element with that id.`,
    }
  }
  return { elementId: null, message: describeXmlError(warning.message) }
}

// moddle reports "unparsable content <x> detected\n\tline: 0\n\tcolumn: 96\n\tnested error: ...",
// with zero-based lines and columns; people count from one.
function describeXmlError(message: string): string {
  const line = message.match(/line: (\d+)/)?.[1]
  const column = message.match(/column: (\d+)/)?.[1]
  const nested = message.match(/nested error: (.*)/)?.[1]
  const content = message.match(/^unparsable content (.*?) ?detected/)?.[1]
  if (line === undefined || column === undefined) return `The XML could not be read as BPMN: ${message.split('\n')[0]}.`
  const where = `line ${Number(line) + 1}, column ${Number(column) + 1}`
  return `The XML could not be read at ${where}: ${nested ?? message.split('\n')[0]}${content ? ` (at ${content})` : ''}.`
}
