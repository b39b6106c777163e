// Writes a BPMN 2.0 file in Zeebe's dialect, with diagram interchange (BPMNDI), from a list of
// placed elements and flows. It exists so the KE diagram's first layout could be written as
// data (positions on a grid, flows routed at right angles) instead of hundreds of hand-typed
// coordinates; after that processes/ke-sak.bpmn is the source, edited in the modeler.
//
// `flat` drops what the engine may not run yet (sub-process boxes, event sub-processes,
// boundary events), keeping the inner elements in place and joining flows across the boxes.

export type NodeKind =
  | 'startEvent' | 'endEvent' | 'serviceTask' | 'businessRuleTask' | 'userTask'
  | 'exclusiveGateway' | 'parallelGateway' | 'subProcess' | 'eventSubProcess' | 'boundaryEvent'

export interface Node {
  id: string
  kind: NodeKind
  name?: string
  /** Centre, in pixels; sub-processes give their box instead. */
  x: number
  y: number
  box?: { width: number; height: number }
  parent?: string
  /** Service and business-rule tasks. */
  taskType?: string
  /** How often a failing job is tried (zeebe:taskDefinition retries); 3 unless given. */
  retries?: number
  inputs?: { source: string; target: string }[]
  outputs?: { source: string; target: string }[]
  headers?: Record<string, string>
  /** User tasks. */
  formId?: string
  candidateGroups?: string
  priority?: string
  dueDate?: string
  /** Events. */
  timer?: { date?: string; duration?: string; cycle?: string }
  message?: string
  interrupting?: boolean
  attachedTo?: string
  documentation?: string
}

export interface Flow {
  from: string
  to: string
  name?: string
  condition?: string
  isDefault?: boolean
  /** Explicit waypoints between the two ends, for loops and detours. */
  via?: [number, number][]
}

export interface Message {
  id: string
  name: string
  correlationKey: string
}

export interface Diagram {
  id: string
  name: string
  documentation?: string
  nodes: Node[]
  flows: Flow[]
  messages: Message[]
}

const SIZE: Record<string, [number, number]> = {
  startEvent: [36, 36], endEvent: [36, 36], boundaryEvent: [36, 36],
  exclusiveGateway: [50, 50], parallelGateway: [50, 50],
  serviceTask: [100, 80], businessRuleTask: [100, 80], userTask: [100, 80],
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

interface Bounds { x: number; y: number; width: number; height: number }

function bounds(node: Node): Bounds {
  if (node.box) return { x: node.x, y: node.y, width: node.box.width, height: node.box.height }
  const [width, height] = SIZE[node.kind]!
  return { x: node.x - width / 2, y: node.y - height / 2, width, height }
}

const isContainer = (n: Node) => n.kind === 'subProcess' || n.kind === 'eventSubProcess'
const isGateway = (n: Node) => n.kind === 'exclusiveGateway' || n.kind === 'parallelGateway'

function route(a: Node, b: Node, via?: [number, number][]): [number, number][] {
  const A = bounds(a)
  const B = bounds(b)
  const ay = A.y + A.height / 2
  const by = B.y + B.height / 2
  const acx = A.x + A.width / 2
  const bcx = B.x + B.width / 2
  if (via) {
    const first = via[0]!
    const last = via[via.length - 1]!
    const start: [number, number] = first[0] === acx ? [acx, first[1] > ay ? A.y + A.height : A.y] : [A.x + A.width, ay]
    const end: [number, number] = last[0] === bcx ? [bcx, last[1] > by ? B.y + B.height : B.y] : [B.x, by]
    return [start, ...via, end]
  }
  if (a.kind === 'boundaryEvent') return [[acx, A.y + A.height], [acx, by], [B.x, by]]
  if (Math.abs(ay - by) < 1) return [[A.x + A.width, ay], [B.x, by]]
  if (isGateway(a)) return [[acx, by > ay ? A.y + A.height : A.y], [acx, by], [B.x, by]]
  if (isGateway(b)) return [[A.x + A.width, ay], [bcx, ay], [bcx, ay > by ? B.y + B.height : B.y]]
  const mid = Math.round((A.x + A.width + B.x) / 2)
  return [[A.x + A.width, ay], [mid, ay], [mid, by], [B.x, by]]
}

/** Drops containers and boundary events, joining the flows that crossed a container's edge. */
function flatten(diagram: Diagram): Diagram {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]))
  const dropped = new Set<string>()
  for (const n of diagram.nodes) {
    if (n.kind === 'eventSubProcess' || n.kind === 'boundaryEvent') dropped.add(n.id)
  }
  // Everything inside an event sub-process or hanging off a boundary event goes too.
  let changed = true
  while (changed) {
    changed = false
    for (const n of diagram.nodes) {
      if (dropped.has(n.id)) continue
      if ((n.parent && dropped.has(n.parent)) || diagram.flows.some((f) => f.to === n.id && dropped.has(f.from) && byId.get(f.from)!.kind === 'boundaryEvent')) {
        dropped.add(n.id)
        changed = true
      }
    }
  }
  let flows = diagram.flows.filter((f) => !dropped.has(f.from) && !dropped.has(f.to))
  for (const sub of diagram.nodes.filter((n) => n.kind === 'subProcess')) {
    const start = diagram.nodes.find((n) => n.parent === sub.id && n.kind === 'startEvent')!
    const end = diagram.nodes.find((n) => n.parent === sub.id && n.kind === 'endEvent')!
    const first = flows.find((f) => f.from === start.id)!.to
    const out = flows.find((f) => f.from === sub.id)!
    flows = flows
      .filter((f) => f.from !== start.id && f !== out)
      .map((f) => (f.to === sub.id ? { ...f, to: first } : f.to === end.id ? { ...f, to: out.to, ...(out.via ? { via: out.via } : {}) } : f))
    dropped.add(sub.id).add(start.id).add(end.id)
  }
  const nodes = diagram.nodes.filter((n) => !dropped.has(n.id)).map((n) => {
    let parent = n.parent
    while (parent && byId.get(parent)?.kind === 'subProcess') parent = byId.get(parent)!.parent
    return { ...n, ...(parent ? { parent } : { parent: undefined }) }
  })
  return { ...diagram, nodes, flows, messages: [] }
}

function extensions(n: Node): string {
  const parts: string[] = []
  if (n.taskType) parts.push(`<zeebe:taskDefinition type="${escape(n.taskType)}" retries="${n.retries ?? 3}" />`)
  if (n.headers) parts.push(`<zeebe:taskHeaders>${Object.entries(n.headers).map(([k, v]) => `<zeebe:header key="${escape(k)}" value="${escape(v)}" />`).join('')}</zeebe:taskHeaders>`)
  if (n.inputs || n.outputs) {
    const mapping = (kind: string) => (m: { source: string; target: string }) => `<zeebe:${kind} source="${escape(m.source)}" target="${escape(m.target)}" />`
    parts.push(`<zeebe:ioMapping>${(n.inputs ?? []).map(mapping('input')).join('')}${(n.outputs ?? []).map(mapping('output')).join('')}</zeebe:ioMapping>`)
  }
  if (n.kind === 'userTask') {
    parts.push('<zeebe:userTask />')
    if (n.formId) parts.push(`<zeebe:formDefinition formId="${escape(n.formId)}" />`)
    if (n.candidateGroups) parts.push(`<zeebe:assignmentDefinition candidateGroups="${escape(n.candidateGroups)}" />`)
    if (n.dueDate) parts.push(`<zeebe:taskSchedule dueDate="${escape(n.dueDate)}" />`)
    if (n.priority) parts.push(`<zeebe:priorityDefinition priority="${escape(n.priority)}" />`)
  }
  return parts.length ? `<bpmn:extensionElements>${parts.join('')}</bpmn:extensionElements>` : ''
}

function eventDefinition(n: Node, messages: Message[]): string {
  if (n.timer) {
    const [tag, value] = n.timer.date ? ['timeDate', n.timer.date] : n.timer.cycle ? ['timeCycle', n.timer.cycle] : ['timeDuration', n.timer.duration!]
    return `<bpmn:timerEventDefinition id="${n.id}_timer"><bpmn:${tag} xsi:type="bpmn:tFormalExpression">${escape(value)}</bpmn:${tag}></bpmn:timerEventDefinition>`
  }
  if (n.message) {
    const message = messages.find((m) => m.name === n.message)!
    return `<bpmn:messageEventDefinition id="${n.id}_message" messageRef="${message.id}" />`
  }
  return ''
}

function element(n: Node, diagram: Diagram, indent: string): string {
  const incoming = diagram.flows.filter((f) => f.to === n.id).map((f) => `${indent}  <bpmn:incoming>${flowId(f)}</bpmn:incoming>`)
  const outgoing = diagram.flows.filter((f) => f.from === n.id).map((f) => `${indent}  <bpmn:outgoing>${flowId(f)}</bpmn:outgoing>`)
  const name = n.name ? ` name="${escape(n.name)}"` : ''
  const doc = n.documentation ? `${indent}  <bpmn:documentation>${escape(n.documentation)}</bpmn:documentation>` : ''
  const ext = extensions(n)
  const body = [doc, ext ? `${indent}  ${ext}` : '', ...incoming, ...outgoing].filter(Boolean)
  let attrs = ''
  if (n.kind === 'exclusiveGateway') {
    const fallback = diagram.flows.find((f) => f.from === n.id && f.isDefault)
    if (fallback) attrs += ` default="${flowId(fallback)}"`
  }
  if (n.kind === 'boundaryEvent') attrs += ` attachedToRef="${n.attachedTo}"${n.interrupting === false ? ' cancelActivity="false"' : ''}`
  if (n.kind === 'startEvent' && n.interrupting === false) attrs += ' isInterrupting="false"'
  if (n.kind === 'startEvent' || n.kind === 'boundaryEvent') {
    const def = eventDefinition(n, diagram.messages)
    if (def) body.push(`${indent}  ${def}`)
  }
  if (isContainer(n)) {
    const tag = 'subProcess'
    const trigger = n.kind === 'eventSubProcess' ? ' triggeredByEvent="true"' : ''
    const children = diagram.nodes.filter((c) => c.parent === n.id).map((c) => element(c, diagram, `${indent}  `))
    const inner = diagram.flows.filter((f) => diagram.nodes.find((c) => c.id === f.from)?.parent === n.id).map((f) => flowXml(f, `${indent}  `))
    return `${indent}<bpmn:${tag} id="${n.id}"${name}${trigger}>\n${[...body, ...children, ...inner].join('\n')}\n${indent}</bpmn:${tag}>`
  }
  const tag = n.kind === 'boundaryEvent' ? 'boundaryEvent' : n.kind
  return `${indent}<bpmn:${tag} id="${n.id}"${name}${attrs}>\n${body.join('\n')}\n${indent}</bpmn:${tag}>`
}

const flowId = (f: Flow) => `Flow_${f.from}_${f.to}`

function flowXml(f: Flow, indent: string): string {
  const name = f.name ? ` name="${escape(f.name)}"` : ''
  const head = `${indent}<bpmn:sequenceFlow id="${flowId(f)}"${name} sourceRef="${f.from}" targetRef="${f.to}"`
  if (!f.condition) return `${head} />`
  return `${head}>\n${indent}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(f.condition)}</bpmn:conditionExpression>\n${indent}</bpmn:sequenceFlow>`
}

export function writeBpmn(source: Diagram, options: { flat?: boolean } = {}): string {
  const diagram = options.flat ? flatten(source) : source
  const top = diagram.nodes.filter((n) => !n.parent)
  const topFlows = diagram.flows.filter((f) => !diagram.nodes.find((n) => n.id === f.from)?.parent)
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]))
  const shapes = diagram.nodes.map((n) => {
    const b = bounds(n)
    const expanded = isContainer(n) ? ' isExpanded="true"' : ''
    return `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${expanded}>\n        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />\n      </bpmndi:BPMNShape>`
  })
  const edges = diagram.flows.map((f) => {
    const points = route(byId.get(f.from)!, byId.get(f.to)!, f.via)
    return `      <bpmndi:BPMNEdge id="${flowId(f)}_di" bpmnElement="${flowId(f)}">\n${points.map(([x, y]) => `        <di:waypoint x="${x}" y="${y}" />`).join('\n')}\n      </bpmndi:BPMNEdge>`
  })
  const messages = diagram.messages.map((m) =>
    `  <bpmn:message id="${m.id}" name="${escape(m.name)}">\n    <bpmn:extensionElements><zeebe:subscription correlationKey="${escape(m.correlationKey)}" /></bpmn:extensionElements>\n  </bpmn:message>`)
  const doc = diagram.documentation ? `    <bpmn:documentation>${escape(diagram.documentation)}</bpmn:documentation>\n` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${diagram.id}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Samflyt" exporterVersion="1" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${diagram.id}" name="${escape(diagram.name)}" isExecutable="true">
${doc}${top.map((n) => element(n, diagram, '    ')).join('\n')}
${topFlows.map((f) => flowXml(f, '    ')).join('\n')}
  </bpmn:process>
${messages.join('\n')}
  <bpmndi:BPMNDiagram id="${diagram.id}_diagram">
    <bpmndi:BPMNPlane id="${diagram.id}_plane" bpmnElement="${diagram.id}">
${shapes.join('\n')}
${edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`
}
