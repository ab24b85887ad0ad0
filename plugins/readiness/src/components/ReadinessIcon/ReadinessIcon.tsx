/**
 * The readiness icon, a gauge: for the sidebar and the page header. It draws
 * in the current text colour at the current font size.
 *
 * @public
 */
export function ReadinessIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4.9 17.5a9 9 0 1 1 14.2 0" />
      <path d="M12 13.5l4-5" />
      <circle cx="12" cy="14" r="1.5" />
    </svg>
  );
}
