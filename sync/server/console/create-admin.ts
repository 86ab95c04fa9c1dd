import { loginSchema, newPasswordSchema, staffNameSchema, type Staff } from '../../protocol/console/session.ts';
import { newId } from '../../protocol/ids.ts';
import type { Storage } from '../storage/types.ts';
import { StorageConflictError } from '../storage/types.ts';
import { DEFAULT_PASSWORD_COST, hashPassword, newPassword, type PasswordCost } from './passwords.ts';

export interface CreateAdminInput {
  login: string;
  name?: string | undefined;
  /** The password to set (read from stdin by the CLI); null: make one, to be shown once. */
  password: string | null;
  now: Date;
  cost?: PasswordCost;
}

export type CreateAdminResult = { ok: true; staff: Staff; generatedPassword: string | null } | { ok: false; reason: string };

/**
 * The first district admin, made from the command line (nobody can log in to make one before it exists). The
 * rules are the console's own (login name, name, password length), and the account's creation is audited as
 * made by nobody in the console (staff: null), which is how the audit log tells the CLI's work apart.
 */
export const createAdmin = async (storage: Storage, input: CreateAdminInput): Promise<CreateAdminResult> => {
  const login = loginSchema.safeParse(input.login);
  if (!login.success) return { ok: false, reason: `bad login name ${JSON.stringify(input.login)}: 3–64 lower-case letters, digits, dots, dashes or underscores` };
  const name = staffNameSchema.safeParse(input.name ?? login.data);
  if (!name.success) return { ok: false, reason: 'the name must be 1–40 characters' };
  const generated = input.password === null ? newPassword() : null;
  const password = newPasswordSchema.safeParse(generated ?? input.password);
  if (!password.success) return { ok: false, reason: 'the password must be 12–256 characters' };
  if (await storage.getStaffByLogin(login.data)) return { ok: false, reason: `login ${login.data} is taken` };
  try {
    const staff = await storage.createStaff(
      { id: newId(), login: login.data, name: name.data, role: { kind: 'district-admin' }, passwordHash: await hashPassword(password.data, input.cost ?? DEFAULT_PASSWORD_COST) },
      { staff: null, ip: null, now: input.now },
    );
    return { ok: true, staff, generatedPassword: generated };
  } catch (error) {
    // Two create-admins racing for one name: the database's unique login decides.
    if (error instanceof StorageConflictError) return { ok: false, reason: `login ${login.data} is taken` };
    throw error;
  }
};
