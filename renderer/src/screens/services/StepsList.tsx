import './services.css';

/** Numbered steps with the number drawn large in a circle, so a resident can keep their place. */
export function StepsList({ steps }: { steps: readonly string[] }) {
  return (
    <ol className="svc-steps">
      {steps.map((step, i) => (
        <li key={`${i}-${step}`}>{step}</li>
      ))}
    </ol>
  );
}
