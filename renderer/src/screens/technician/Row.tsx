/** One labelled value on a technician card. */
export function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="row" style={{ justifyContent: 'space-between', borderBottom: '1px solid var(--line)', padding: '6px 0' }}>
      <span className="muted" style={{ flexShrink: 0 }}>{label}</span>
      <strong style={{ textAlign: 'right', overflowWrap: 'anywhere' }}>{value}</strong>
    </div>
  );
}
