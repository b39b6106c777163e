// bpmn-js's NavigatedViewer, mounted once here: a diagram with the path a case took drawn on it
// (flows taken and elements visited marked, visit counts, where it stands now, open incidents,
// cancelled branches). A click on an element names it to `onSelect`.
import { useEffect, useRef } from 'react'
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer'
import './bpmn-viewer.css'

export interface DiagramPath {
  visits: Record<string, number>
  flows: Record<string, number>
  active: string[]
  incidents: string[]
  terminated: string[]
}

interface Props {
  xml: string
  path: DiagramPath
  /** The diagram's accessible name. */
  label: string
  onSelect?(elementId: string | null): void
  visitsLabel(count: number): string
}

export function BpmnViewer({ xml, path, label, onSelect, visitsLabel }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const select = useRef(onSelect)
  select.current = onSelect
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: host.current! })
    let alive = true
    viewer.importXML(xml).then(() => {
      if (!alive) return
      const canvas = viewer.get('canvas') as { zoom(level: string): void; addMarker(id: string, marker: string): void }
      const registry = viewer.get('elementRegistry') as { get(id: string): unknown }
      const overlays = viewer.get('overlays') as { add(id: string, overlay: { position: Record<string, number>; html: HTMLElement }): void }
      const mark = (id: string, marker: string) => registry.get(id) && canvas.addMarker(id, marker)
      for (const id of Object.keys(path.flows)) mark(id, 'sf-taken')
      for (const [id, count] of Object.entries(path.visits)) {
        if (!registry.get(id)) continue
        mark(id, 'sf-visited')
        const badge = document.createElement('span')
        badge.className = 'sf-visits'
        badge.textContent = String(count)
        badge.title = visitsLabel(count)
        overlays.add(id, { position: { top: -10, right: 10 }, html: badge })
      }
      for (const id of path.active) mark(id, 'sf-active')
      for (const id of path.incidents) mark(id, 'sf-incident')
      for (const id of path.terminated) mark(id, 'sf-terminated')
      canvas.zoom('fit-viewport')
      const events = viewer.get('eventBus') as { on(event: string, handler: (e: { element: { id: string; type: string } }) => void): void }
      events.on('element.click', (event) => {
        const element = event.element
        select.current?.(element.type === 'bpmn:Process' || element.type === 'bpmn:Collaboration' ? null : element.id)
      })
    }).catch(() => undefined)
    return () => {
      alive = false
      viewer.destroy()
    }
  }, [xml, path, visitsLabel])
  return <div ref={host} className="sf-diagram" role="figure" aria-label={label} />
}
