// Data for a page: `const tasks = useApi(() => call(api.GET(...)), [deps])` gives
// { data, error, loading, reload }, and ignores answers that arrive after the page moved on.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
}

export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true })
  const generation = useRef(0)
  const run = useCallback(() => {
    const mine = ++generation.current
    setState((previous) => ({ ...previous, loading: true, error: undefined }))
    load().then(
      (data) => mine === generation.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => mine === generation.current && setState((previous) => ({ data: previous.data, error, loading: false })),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useEffect(run, [run])
  return { ...state, reload: run }
}
