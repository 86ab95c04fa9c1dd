import { LOGIN_PATTERN, MIN_PASSWORD_LENGTH, type Staff, type StaffRoleKind } from '@protocol/console/session.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { assignableRoles, roleAt } from './roles.ts';
import type { RolePlace } from './useRolePlace.ts';

type Problem = 'name' | 'login' | 'password' | 'place';

/**
 * Creating an account (login name, name, role and where, a first password handed over in person), or changing
 * one: its name, role, disabled or not, and a new password (which ends every session of that account).
 */
export function StaffDialog({ staff, place, onClose, onSaved }: { staff: Staff | null; place: RolePlace; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const localized = useLocalized();
  const client = useClient();
  const session = useSession();
  const kinds = assignableRoles(session.staff.role);
  const current = staff?.role;
  const [login, setLogin] = useState(staff?.login ?? '');
  const [name, setName] = useState(staff?.name ?? '');
  const [kind, setKind] = useState<StaffRoleKind>(current?.kind ?? kinds.at(-1) ?? 'unit-lead');
  const [subdistrictId, setSubdistrictId] = useState(current?.kind === 'subdistrict-staff' ? current.subdistrictId : (place.subdistricts[0]?.id ?? ''));
  const [communityId, setCommunityId] = useState(current && 'communityId' in current ? current.communityId : (place.communities[0]?.id ?? ''));
  const [unitId, setUnitId] = useState(current?.kind === 'unit-lead' ? current.unitId : '');
  const [disabled, setDisabled] = useState(staff?.disabled ?? false);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Set<Problem>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const units = communityId ? place.unitsOf(communityId) : [];
  const mayChangeRole = current === undefined || kinds.includes(current.kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const role = roleAt(kind, { subdistrictId, communityId, unitId: unitId || units[0]?.id || '' });
    const found = new Set<Problem>();
    if (!name.trim()) found.add('name');
    if (!staff && !LOGIN_PATTERN.test(login.trim().toLowerCase())) found.add('login');
    if ((!staff || password) && password.length < MIN_PASSWORD_LENGTH) found.add('password');
    if (!role) found.add('place');
    setProblems(found);
    if (found.size > 0 || !role) return;
    setError(null);
    try {
      if (!staff) {
        await client.call('createStaff', { body: { login: login.trim(), name: name.trim(), role, password } });
        onSaved(t('staff.created', { name: name.trim() }));
        return;
      }
      const roleChanged = mayChangeRole && JSON.stringify(role) !== JSON.stringify(staff.role);
      const patch = { ...(name.trim() !== staff.name ? { name: name.trim() } : {}), ...(roleChanged ? { role } : {}), ...(disabled !== staff.disabled ? { disabled } : {}) };
      if (Object.keys(patch).length > 0) await client.call('updateStaff', { params: { staffId: staff.id }, body: patch });
      if (password) await client.call('resetStaffPassword', { params: { staffId: staff.id }, body: { password } });
      onSaved(t('staff.saved', { name: name.trim() }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Dialog
      title={staff ? t('staff.edit', { name: staff.name }) : t('staff.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="staff-form" className="btn btn--primary">
            {t('console:action.save')}
          </button>
        </>
      }
    >
      <form id="staff-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t('staff.login')} hint={staff ? t('staff.loginFixed') : t('staff.loginHint')} error={problems.has('login') ? t('staff.loginInvalid') : undefined}>
          <input className="input mono" autoComplete="off" autoCapitalize="none" spellCheck={false} readOnly={staff !== null} value={login} onChange={(event) => setLogin(event.target.value)} />
        </Field>
        <Field label={t('staff.name')} error={problems.has('name') ? t('staff.nameMissing') : undefined}>
          <input className="input" maxLength={40} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        {mayChangeRole ? (
          <FieldSet legend={t('staff.role')}>
            <div className="form__row">
              <Field label={t('staff.role')}>
                <select className="select" value={kind} onChange={(event) => setKind(event.target.value as StaffRoleKind)}>
                  {kinds.map((option) => (
                    <option key={option} value={option}>
                      {t(`console:role.${option}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {kind === 'subdistrict-staff' ? (
                <Field label={t('staff.subdistrict')} error={problems.has('place') ? t('staff.placeMissing') : undefined}>
                  <select className="select" value={subdistrictId} onChange={(event) => setSubdistrictId(event.target.value)}>
                    {place.subdistricts.map((subdistrict) => (
                      <option key={subdistrict.id} value={subdistrict.id}>
                        {localized(subdistrict.name)}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
              {kind === 'community-staff' || kind === 'unit-lead' ? (
                <Field label={t('staff.community')} error={problems.has('place') && kind === 'community-staff' ? t('staff.placeMissing') : undefined}>
                  <select className="select" value={communityId} onChange={(event) => setCommunityId(event.target.value)}>
                    {place.communities.map((community) => (
                      <option key={community.id} value={community.id}>
                        {localized(community.name)}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
              {kind === 'unit-lead' ? (
                <Field label={t('staff.unit')} error={problems.has('place') ? t('staff.unitMissing') : undefined}>
                  <select className="select" value={unitId || units[0]?.id || ''} onChange={(event) => setUnitId(event.target.value)}>
                    {units.map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {localized(unit.name)}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
            </div>
          </FieldSet>
        ) : (
          <p className="muted">{t('staff.roleAbove', { role: t(`console:role.${current?.kind ?? 'district-admin'}`) })}</p>
        )}
        <Field label={staff ? t('staff.newPassword') : t('staff.firstPassword')} hint={t('staff.passwordHint', { count: MIN_PASSWORD_LENGTH })} error={problems.has('password') ? t('staff.passwordShort', { count: MIN_PASSWORD_LENGTH }) : undefined}>
          <input className="input" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </Field>
        {staff ? (
          <label className="check">
            <input type="checkbox" checked={disabled} onChange={(event) => setDisabled(event.target.checked)} />
            {t('staff.disable')}
          </label>
        ) : null}
      </form>
    </Dialog>
  );
}
