/**
 * A horizontal bar for a 0 to 100 score. @backstage/ui has no meter yet, so
 * this is a plain element with the ARIA meter role.
 */
export function ScoreMeter(props: {
  score: number;
  label: string;
  valueText: string;
}) {
  const { score, label, valueText } = props;
  const clamped = Math.min(100, Math.max(0, score));
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      style={{
        height: 'var(--bui-space-2)',
        borderRadius: 'var(--bui-radius-full)',
        background: 'var(--bui-bg-neutral-2)',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          width: `${clamped}%`,
          height: '100%',
          background: 'var(--bui-fg-positive)',
        }}
      />
    </div>
  );
}
