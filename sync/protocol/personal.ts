/**
 * Personal fields of kiosk-born records, and their removal once a retention period has passed (PIPL: keep the
 * least, for the shortest time). The kiosk purges after the server acknowledged a record and the station's
 * retention passed; the server purges after the district's retention. Both use this one definition.
 *
 * Personal: a consented contact (name, phone: residents on visits, referrals and requests, walk-in volunteers
 * on shift sign-ins), a bill's account number, and whatever a person typed: a request's text, a request or
 * referral event's note, a feedback comment, a handover note (free text is where people write names, addresses
 * and illnesses, with or without a contact's consent), and a volunteer's drawn signature on a shift sign-in. What remains (kind, time, service, utility, request kind,
 * category, phrases and status) still counts for the district's numbers.
 */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Top-level fields that are personal on any record that has them. */
const PERSONAL_FIELDS = ['contact', 'text', 'note', 'comment', 'signature'] as const;

/**
 * Raised whenever the definition above grows. A store that purged under an older one walks its purged records
 * again, so a field newly counted as personal does not outlive the retention in records purged before.
 */
export const PERSONAL_DEFINITION = 3;

/** True when the payload still carries a personal field. */
export const hasPersonalFields = (payload: unknown): boolean =>
  isObject(payload) && (PERSONAL_FIELDS.some((field) => field in payload) || (isObject(payload.bill) && 'account' in payload.bill));

/** A copy of the payload without its personal fields; the input is not changed. Works on any JSON value. */
export const withoutPersonalFields = <T>(payload: T): T => {
  if (!isObject(payload)) return payload;
  const rest: Record<string, unknown> = { ...payload };
  for (const field of PERSONAL_FIELDS) delete rest[field];
  if (isObject(rest.bill)) {
    const bill: Record<string, unknown> = { ...rest.bill };
    delete bill.account;
    rest.bill = bill;
  }
  return rest as T;
};
