// A task's draft on the server, saved a moment after the person stops typing (and before
// completing). A save that fails (the network, an ended session) is kept in this tab's
// sessionStorage and saved when the task is opened again (after signing in anew), so nothing
// typed is lost; it is gone once saved, and with the tab.
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, call } from '../api/client.js'
import type { FormData } from './form-viewer.js'

const SAVE_AFTER_MS = 700
const stashKey = (taskKey: string) => `samflyt.unsavedDraft.${taskKey}`

/** What was typed into the task's form in this tab and could not be saved, if anything. */
export function unsavedDraft(taskKey: string): FormData | null {
  try {
    const text = sessionStorage.getItem(stashKey(taskKey))
    return text ? (JSON.parse(text) as FormData) : null
  } catch {
    return null
  }
}

export function useDraft(taskKey: string) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle')
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const pending = useRef<FormData | null>(null)
  const lastSaved = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const flush = useCallback(async (leaving = false) => {
    clearTimeout(timer.current)
    const values = pending.current
    if (!values) return
    const text = JSON.stringify(values)
    if (text === lastSaved.current) return
    setState('saving')
    try {
      // keepalive: a save begun as the page unloads still reaches the server.
      const saved = await call(api.PUT('/api/user-tasks/{key}/draft', { params: { path: { key: taskKey } }, body: { variables: values }, keepalive: leaving }))
      lastSaved.current = text
      if (pending.current === values) pending.current = null
      sessionStorage.removeItem(stashKey(taskKey))
      setSavedAt(saved.updatedAt)
      setState('saved')
    } catch {
      sessionStorage.setItem(stashKey(taskKey), text)
      setState('failed')
    }
  }, [taskKey])

  const save = useCallback((values: FormData) => {
    // The first report is the form as opened (the task's values and the draft): nothing new yet.
    if (lastSaved.current === null) {
      lastSaved.current = JSON.stringify(values)
      return
    }
    pending.current = values
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS)
  }, [flush])

  const discard = useCallback(async () => {
    clearTimeout(timer.current)
    pending.current = null
    sessionStorage.removeItem(stashKey(taskKey))
    await call(api.DELETE('/api/user-tasks/{key}/draft', { params: { path: { key: taskKey } } })).catch(() => {})
  }, [taskKey])

  // What could not be saved last time is saved now.
  useEffect(() => {
    const unsaved = unsavedDraft(taskKey)
    if (unsaved) {
      pending.current = unsaved
      void flush()
    }
  }, [taskKey, flush])

  // Leaving the page (or the tab) saves what is pending.
  useEffect(() => {
    const leave = () => void flush(true)
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      void flush(true)
    }
  }, [flush])

  return { state, savedAt, save, flush: () => flush(false), discard }
}
