// Placeholder until the page is built.
import { Placeholder } from '../components/placeholder.js'

export default function Page() {
  return <Placeholder title="page.tasks.title" />
}
