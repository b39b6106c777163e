// The person an enquiry is about: the identity number (checked as it is typed by the server's own
// rules, then looked up: a person with an open case is shown before saving), name and contact.
import { useEffect, useState } from 'react'
import { Alert, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { identityProblem, type IdentityRules, type IntakeDraft } from './intake-form.js'

type Duplicate = paths['/api/cases/duplicate-check']['post']['responses'][200]['content']['application/json']

interface Props {
  draft: IntakeDraft
  set(change: Partial<IntakeDraft>): void
  errors: Map<string, string>
  /** Show (or clear) the problem at one field, e.g. when it loses focus. */
  setError(field: string, message: string | null): void
  rules: IdentityRules
}

export function PersonFields({ draft, set, errors, setError, rules }: Props) {
  const { t } = useI18n()
  const duplicate = useDuplicateCheck(draft.identityNumber, rules)
  return (
    <Fieldset>
      <Fieldset.Legend>{t('newCase.person')}</Fieldset.Legend>
      <Textfield
        id="identityNumber"
        label={t('newCase.identityNumber')}
        description={t('newCase.identityNumberHelp')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={13}
        value={draft.identityNumber}
        error={errors.get('identityNumber')}
        onChange={(event) => set({ identityNumber: event.target.value })}
        onBlur={() => setError('identityNumber', draft.identityNumber ? identityProblem(draft.identityNumber, rules, t) : null)}
      />
      {duplicate?.openCase && (
        <Alert data-color="warning" role="status">
          <Paragraph>{t('newCase.duplicate', { name: duplicate.person?.name ?? draft.name, reference: duplicate.openCase.reference })}</Paragraph>
          <Paragraph><Link href={`/saker/${duplicate.openCase.id}`} className="ds-link">{t('newCase.duplicateLink', { reference: duplicate.openCase.reference })}</Link></Paragraph>
        </Alert>
      )}
      {duplicate?.person && !duplicate.openCase && <Paragraph role="status">{t('newCase.known', { name: duplicate.person.name })}</Paragraph>}
      <Textfield id="name" label={t('newCase.name')} autoComplete="off" value={draft.name} error={errors.get('name')} onChange={(event) => set({ name: event.target.value })} />
      <Textfield id="address" label={t('newCase.address')} autoComplete="off" value={draft.address} onChange={(event) => set({ address: event.target.value })} />
      <div className="sf-form-row">
        <Textfield id="postalCode" label={t('newCase.postalCode')} inputMode="numeric" autoComplete="off" value={draft.postalCode} error={errors.get('postalCode')} onChange={(event) => set({ postalCode: event.target.value })} />
        <Textfield id="city" label={t('newCase.city')} autoComplete="off" value={draft.city} onChange={(event) => set({ city: event.target.value })} />
      </div>
      <div className="sf-form-row">
        <Textfield id="phone" label={t('newCase.phone')} type="tel" autoComplete="off" value={draft.phone} onChange={(event) => set({ phone: event.target.value })} />
        <Textfield id="email" label={t('newCase.email')} type="email" autoComplete="off" value={draft.email} error={errors.get('email')} onChange={(event) => set({ email: event.target.value })} />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('newCase.language')}</Fieldset.Legend>
        {(['nb', 'nn'] as const).map((language) => (
          <Radio key={language} name="language" value={language} label={t(`language.${language}`)} checked={draft.language === language} onChange={() => set({ language })} />
        ))}
      </Fieldset>
    </Fieldset>
  )
}

/** Asks the server (number in the body) whether a valid number's person has an open case. */
function useDuplicateCheck(identityNumber: string, rules: IdentityRules): Duplicate | null {
  const { t } = useI18n()
  const [answer, setAnswer] = useState<{ number: string; duplicate: Duplicate } | null>(null)
  const number = identityNumber.replace(/\s/g, '')
  const valid = identityProblem(number, rules, t) === null
  useEffect(() => {
    if (!valid) return
    let current = true
    call(api.POST('/api/cases/duplicate-check', { body: { identityNumber: number } }))
      .then((duplicate) => current && setAnswer({ number, duplicate }))
      // The check is a help, not a gate: intake links a duplicate whatever happens here.
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [number, valid])
  return valid && answer?.number === number ? answer.duplicate : null
}
