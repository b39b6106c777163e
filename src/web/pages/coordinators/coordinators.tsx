// /koordinatorer: a coordinator sees the cases they coordinate and their own tasks; the KE
// (caseworkers, admins) sees the coordinator register and keeps it; the intake group and auditors
// read the register.
import { useSession } from '../../session.js'
import { useI18n } from '../../i18n/index.js'
import { PageTitle } from '../../components/page-title.js'
import { MyWork } from './my-work.js'
import { Register } from './register.js'

const KEEPERS = ['caseworker', 'admin'] as const
const REGISTER_READERS = ['caseworker', 'intake-group', 'auditor', 'admin'] as const

export default function CoordinatorsPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const roles = user?.roles ?? []
  const keeps = roles.some((role) => (KEEPERS as readonly string[]).includes(role))
  const readsRegister = roles.some((role) => (REGISTER_READERS as readonly string[]).includes(role))
  return (
    <>
      <PageTitle>{t('page.coordinators.title')}</PageTitle>
      {roles.includes('coordinator') && <MyWork />}
      {readsRegister && <Register editable={keeps} />}
    </>
  )
}
