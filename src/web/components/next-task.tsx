// After a task is completed: the case's next open task, offered when it is this person's (or
// anyone's to take). The engine may need a moment to get there, so it looks a few times.
import { useEffect, useState } from 'react'
import { Paragraph } from '@digdir/designsystemet-react'
import { api, call } from '../api/client.js'
import { useI18n } from '../i18n/index.js'
import { Link } from '../router.js'
import { useSession } from '../session.js'

const LOOKS = 8
const LOOK_EVERY_MS = 500

export function NextTask({ instanceKey, after }: { instanceKey: string; after: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  const [next, setNext] = useState<{ key: string; name: string } | null | undefined>(undefined)

  useEffect(() => {
    let stopped = false
    void (async () => {
      for (let look = 0; look < LOOKS && !stopped; look++) {
        const page = await call(api.GET('/api/user-tasks', { params: { query: { instanceKey, state: 'created', limit: 20 } } })).catch(() => null)
        const candidate = page?.items.find((task) => task.key !== after && (task.assignee === null || task.assignee === user?.username))
        if (candidate) {
          if (!stopped) setNext({ key: candidate.key, name: candidate.name ?? t('task.unnamed') })
          return
        }
        await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS))
      }
      if (!stopped) setNext(null)
    })()
    return () => {
      stopped = true
    }
  }, [instanceKey, after, user, t])

  if (next === undefined) return <Paragraph aria-live="polite">{t('task.nextLooking')}</Paragraph>
  if (next === null) return <Paragraph aria-live="polite">{t('task.noNext')}</Paragraph>
  return <Paragraph aria-live="polite"><Link href={`/oppgaver/${next.key}`} className="ds-link">{t('task.next', { name: next.name })}</Link></Paragraph>
}
