/**
 * A refusal explained: the message and, when the server named them, the reasons one per line
 * (a field that is too long, a broken backup's first errors). Announced as an alert.
 */
export function ProblemBox({
  message,
  details,
  className,
  id,
  testId,
}: {
  message: string;
  details: readonly string[];
  className?: string;
  id?: string;
  testId?: string;
}) {
  return (
    <div className={className ? `error ${className}` : 'error'} role="alert" id={id} data-testid={testId}>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, i) => (
            <li key={i}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
