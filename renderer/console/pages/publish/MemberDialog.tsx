import { type Member, memberRoles, memberSchema, type Unit } from '@protocol/catalogue.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { slugFrom } from '../../ui/slug.ts';
import { type ItemOf, usePublish } from './published.ts';

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * A member as the kiosk's duty screen and the resource list show them: name, unit, role, phone, skills (one per
 * line, in both languages) and the national volunteer number an hours certificate carries.
 */
export function MemberDialog({ scope, item, units, onClose, onSaved }: { scope: string; item: ItemOf<'members'> | null; units: readonly Unit[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const publish = usePublish();
  const member = item?.value;
  const [name, setName] = useState(member?.name ?? '');
  const [unitId, setUnitId] = useState(member?.unitId ?? units[0]?.id ?? '');
  const [role, setRole] = useState<Member['role']>(member?.role ?? 'member');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [skillsZh, setSkillsZh] = useState((member?.skills ?? []).map((skill) => skill['zh-CN']).join('\n'));
  const [skillsEn, setSkillsEn] = useState((member?.skills ?? []).map((skill) => skill.en).join('\n'));
  const [volunteerNo, setVolunteerNo] = useState(member?.volunteerNo ?? '');
  const [issues, setIssues] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const zh = lines(skillsZh);
    const en = lines(skillsEn);
    const value: Member = {
      id: member?.id ?? slugFrom('', 'member'),
      name: name.trim(),
      unitId,
      role,
      phone: phone.replace(/\D/g, ''),
      skills: zh.map((text, i) => ({ 'zh-CN': text, en: en[i] ?? text })),
      ...(volunteerNo.trim() ? { volunteerNo: volunteerNo.trim() } : {}),
    };
    const parsed = memberSchema.safeParse(value);
    const found = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
    if (zh.length !== en.length) found.add('skills');
    setIssues(found);
    if (!parsed.success || found.size > 0) return;
    setError(null);
    try {
      await publish.put('members', scope, parsed.data, item?.version ?? null);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Dialog
      wide
      title={member ? t('members.edit', { name: member.name }) : t('members.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="member-form" className="btn btn--primary">
            {t('publishNow')}
          </button>
        </>
      }
    >
      <form id="member-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {issues.size > 0 ? <Notice tone="error">{t('invalid')}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="form__row">
          <Field label={t('members.name')} error={issues.has('name') ? t('members.nameInvalid') : undefined}>
            <input className="input" maxLength={20} value={name} onChange={(event) => setName(event.target.value)} />
          </Field>
          <Field label={t('members.phone')} error={issues.has('phone') ? t('members.phoneInvalid') : undefined}>
            <input className="input" inputMode="tel" autoComplete="off" value={phone} onChange={(event) => setPhone(event.target.value)} />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('members.unit')} error={issues.has('unitId') ? t('members.unitMissing') : undefined}>
            <select className="select" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {localized(unit.name)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('members.role')}>
            <select className="select" value={role} onChange={(event) => setRole(event.target.value as Member['role'])}>
              {memberRoles.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`memberRole.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('members.volunteerNo')} hint={t('members.volunteerNoHint')} error={issues.has('volunteerNo') ? t('members.volunteerNoInvalid') : undefined}>
            <input className="input mono" maxLength={32} value={volunteerNo} onChange={(event) => setVolunteerNo(event.target.value)} />
          </Field>
        </div>
        <FieldSet legend={t('members.skills')}>
          <p className="field__hint">{t('members.skillsHint')}</p>
          <div className="form__row">
            <Field label={t('console:localized.zh')} error={issues.has('skills') ? t('members.skillsMismatch') : undefined}>
              <textarea className="textarea" lang="zh-CN" value={skillsZh} onChange={(event) => setSkillsZh(event.target.value)} />
            </Field>
            <Field label={t('console:localized.en')}>
              <textarea className="textarea" lang="en" value={skillsEn} onChange={(event) => setSkillsEn(event.target.value)} />
            </Field>
          </div>
        </FieldSet>
      </form>
    </Dialog>
  );
}
