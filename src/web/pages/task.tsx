// Placeholder until the page is built.
import type { PageProps } from '../routes.js'
import { Placeholder } from '../components/placeholder.js'

export default function Page({ params }: PageProps) {
  return <Placeholder title="page.task.title" values={{ key: params.key ?? '' }} />
}
