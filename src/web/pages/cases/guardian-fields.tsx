// Parents, guardians and next of kin of the person, added one by one; whoever may consent on the
// person's behalf is marked so.
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react'
import { useI18n } from '../../i18n/index.js'
import { word } from '../../components/case-panel/words.js'
import { RELATIONS, emptyGuardian, guardianField, type GuardianDraft, type IntakeDraft, type Relation } from './intake-form.js'

interface Props {
  draft: IntakeDraft
  set(change: Partial<IntakeDraft>): void
  errors: Map<string, string>
}

let nextKey = 1

export function GuardianFields({ draft, set, errors }: Props) {
  const { t } = useI18n()
  const change = (key: number, fields: Partial<GuardianDraft>) =>
    set({ guardians: draft.guardians.map((g) => (g.key === key ? { ...g, ...fields } : g)) })
  return (
    <Fieldset>
      <Fieldset.Legend>{t('newCase.guardians')}</Fieldset.Legend>
      {draft.guardians.length === 0 && <Paragraph data-size="sm">{t('newCase.guardiansNone')}</Paragraph>}
      {draft.guardians.map((guardian, i) => (
        <Fieldset key={guardian.key} className="sf-guardian">
          <Fieldset.Legend>{t('newCase.guardianLegend', { n: i + 1 })}</Fieldset.Legend>
          <div className="sf-form-row">
            <Textfield id={guardianField(guardian.key, 'name')} label={t('newCase.name')} autoComplete="off" value={guardian.name} error={errors.get(guardianField(guardian.key, 'name'))} onChange={(event) => change(guardian.key, { name: event.target.value })} />
            <Field>
              <Label>{t('newCase.guardianRelation')}</Label>
              <Select value={guardian.relation} onChange={(event) => change(guardian.key, { relation: event.target.value as Relation })}>
                {RELATIONS.map((relation) => <option key={relation} value={relation}>{word(t, 'relation', relation)}</option>)}
              </Select>
            </Field>
          </div>
          <Textfield
            id={guardianField(guardian.key, 'identityNumber')}
            label={t('newCase.guardianIdentityNumber')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={13}
            value={guardian.identityNumber}
            error={errors.get(guardianField(guardian.key, 'identityNumber'))}
            onChange={(event) => change(guardian.key, { identityNumber: event.target.value })}
          />
          <div className="sf-form-row">
            <Textfield label={t('newCase.phone')} type="tel" autoComplete="off" value={guardian.phone} onChange={(event) => change(guardian.key, { phone: event.target.value })} />
            <Textfield id={guardianField(guardian.key, 'email')} label={t('newCase.email')} type="email" autoComplete="off" value={guardian.email} error={errors.get(guardianField(guardian.key, 'email'))} onChange={(event) => change(guardian.key, { email: event.target.value })} />
          </div>
          <Checkbox label={t('newCase.guardianMayConsent')} checked={guardian.mayConsent} onChange={(event) => change(guardian.key, { mayConsent: event.target.checked })} />
          <div>
            <Button variant="tertiary" data-size="sm" onClick={() => set({ guardians: draft.guardians.filter((g) => g.key !== guardian.key) })}>
              {t('newCase.guardianRemove', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button variant="secondary" onClick={() => set({ guardians: [...draft.guardians, emptyGuardian(nextKey++)] })}>{t('newCase.guardianAdd')}</Button>
      </div>
    </Fieldset>
  )
}
