export default function AttractScreen({ onDismiss }: { onDismiss: () => void }) {
  return <button type="button" onClick={onDismiss}>attract</button>;
}
