import { escapeXml, textWidth } from './badgeText';

/** What a badge says: a grey label, and a message on a coloured field. */
export interface BadgeContent {
  label: string;
  message: string;
  /** A hex colour, `#rgb` or `#rrggbb`. */
  color: string;
}

const HEIGHT = 20;
/** Space either side of each text, in pixels. */
const PADDING = 6;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const NEUTRAL = '#9f9f9f';

/**
 * A flat badge as SVG, like those of shields.io (without the text shadow,
 * which would repeat every text once more): every text is escaped, so
 * that titles from scorecard files cannot add markup, and a `<title>` names
 * it for screen readers. Callers keep the texts short (see `oneLine`).
 */
export function renderBadge(content: BadgeContent): string {
  const label = escapeXml(content.label);
  const message = escapeXml(content.message);
  const color = HEX_COLOUR.test(content.color) ? content.color : NEUTRAL;
  const labelWidth = textWidth(content.label) + 2 * PADDING;
  const messageWidth = textWidth(content.message) + 2 * PADDING;
  const width = labelWidth + messageWidth;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img">`,
    `<title>${label}: ${message}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="${HEIGHT}" fill="#555"/><rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${color}"/><rect width="${width}" height="${HEIGHT}" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${labelWidth / 2}" y="14">${label}</text>`,
    `<text x="${labelWidth + messageWidth / 2}" y="14">${message}</text>`,
    `</g></svg>`,
  ].join('');
}
