/**
 * Personal fields of kiosk-born records, and their removal once a retention period has passed (PIPL: keep the
 * least, for the shortest time). The kiosk purges after the server acknowledged a record and the station's
 * retention passed; the server purges after the district's retention. Both use this one definition.
 *
 * Personal: a consented contact (name, phone) on visits, referrals and requests, and a bill's account number.
 * What remains (kind, time, service, utility, request text and status) still counts for the district's numbers.
 */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when the payload still carries a personal field. */
export const hasPersonalFields = (payload: unknown): boolean =>
  isObject(payload) && ('contact' in payload || (isObject(payload.bill) && 'account' in payload.bill));

/** A copy of the payload without its personal fields; the input is not changed. Works on any JSON value. */
export const withoutPersonalFields = <T>(payload: T): T => {
  if (!isObject(payload)) return payload;
  const rest: Record<string, unknown> = { ...payload };
  delete rest.contact;
  if (isObject(rest.bill)) {
    const bill: Record<string, unknown> = { ...rest.bill };
    delete bill.account;
    rest.bill = bill;
  }
  return rest as T;
};
