import { escapeXml, oneLine, textWidth } from './badgeText';

describe('oneLine', () => {
  it('keeps a short text as it is', () => {
    expect(oneLine('Production readiness', 40)).toBe('Production readiness');
  });

  it('cuts a long text with an ellipsis, to the limit', () => {
    const cut = oneLine('a'.repeat(60), 40);
    expect([...cut]).toHaveLength(40);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a character made of two code units', () => {
    const cut = oneLine('🚀'.repeat(50), 10);
    expect(cut).toBe(`${'🚀'.repeat(9)}…`);
  });

  it('puts line breaks, tabs and characters XML refuses on one line', () => {
    expect(oneLine('a\nb\tc\u0000d\u001Be\uFFFEf\uD800g', 40)).toBe(
      'a b c d e f g',
    );
  });
});

describe('escapeXml', () => {
  it('escapes every character that could start markup or end a value', () => {
    expect(escapeXml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;',
    );
  });
});

describe('textWidth', () => {
  it('grows with the text and weighs wide characters more', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('iii')).toBeLessThan(textWidth('mmm'));
    expect(textWidth('Gold · 87%')).toBeGreaterThan(50);
    expect(textWidth('Gold · 87%')).toBeLessThan(80);
  });
});
