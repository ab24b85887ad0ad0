/**
 * A public readiness badge of an entity on one scorecard, as
 * `POST /api/readiness/badges` answers it.
 *
 * @public
 */
export interface ReadinessBadge {
  /** Random and unguessable; the same for the same entity and scorecard. */
  id: string;
  /** Where the badge's SVG is served without a session. */
  url: string;
  /** The badge as a Markdown image linking to the entity's Readiness tab. */
  markdown: string;
}
