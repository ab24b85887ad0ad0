import { MAX_LABEL_CHARS, standingBadge } from './badgeContent';
import { renderBadge } from './renderBadge';

const ELEMENTS = new Set([
  'svg',
  'title',
  'linearGradient',
  'stop',
  'clipPath',
  'rect',
  'g',
  'text',
]);

/** The names of the elements the SVG opens or closes. */
function elementsOf(svg: string): string[] {
  return [...svg.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map(m => m[1]);
}

describe('renderBadge', () => {
  it('draws the label and message, titled for screen readers', () => {
    const svg = renderBadge({
      label: 'Production readiness',
      message: 'Gold · 87%',
      color: '#4c1',
    });

    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Production readiness: Gold · 87%</title>');
    expect(svg).toContain('>Production readiness</text>');
    expect(svg).toContain('>Gold · 87%</text>');
    expect(svg).toContain('fill="#4c1"');
    expect(elementsOf(svg).every(name => ELEMENTS.has(name))).toBe(true);
  });

  it('escapes hostile texts, so that they add no markup', () => {
    const hostile = `<script>alert("x")</script>&'"><img src=x onerror=alert(1)>`;
    const svg = renderBadge({
      label: hostile,
      message: hostile,
      color: '#4c1" onload="alert(1)',
    });

    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('onload');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('&amp;&apos;&quot;&gt;');
    expect(elementsOf(svg).every(name => ELEMENTS.has(name))).toBe(true);
    // Every attribute value is closed where it was opened.
    expect((svg.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('stays under 2 KB at the longest, even escaped throughout', () => {
    const quotes = '"'.repeat(200);
    const content = standingBadge(
      { title: quotes, levels: [{ id: 'q', title: quotes }] },
      { score: 100, level: 'q' },
    );
    expect([...content.label]).toHaveLength(MAX_LABEL_CHARS);

    const svg = renderBadge(content);

    expect(Buffer.byteLength(svg, 'utf8')).toBeLessThan(2048);
  });

  it('makes the badge wider for a longer text', () => {
    const width = (label: string) =>
      Number(
        /width="(\d+(?:\.\d+)?)"/.exec(
          renderBadge({ label, message: 'Gold · 87%', color: '#4c1' }),
        )![1],
      );
    expect(width('Production readiness')).toBeGreaterThan(width('API'));
  });
});
