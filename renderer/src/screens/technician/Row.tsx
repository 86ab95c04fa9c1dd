/**
 * One labelled value on a technician card. A value too long to sit beside its label takes the next line whole,
 * so an id or an address breaks only where it has a break (a hyphen, a slash), and inside a word only when even
 * a line of its own is too narrow.
 */
export function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="row" style={{ flexWrap: 'wrap', justifyContent: 'space-between', columnGap: 16, rowGap: 2, borderBottom: '1px solid var(--line)', padding: '6px 0' }}>
      <span className="muted" style={{ flexShrink: 0 }}>{label}</span>
      <strong style={{ marginLeft: 'auto', minWidth: 0, textAlign: 'right', overflowWrap: 'break-word' }}>{value}</strong>
    </div>
  );
}
