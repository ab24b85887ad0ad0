import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('leaves plain cells alone and writes nothing for missing values', () => {
    expect(csvCell('payments')).toBe('payments');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes cells with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('turns cells a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(
      '"\'=HYPERLINK(""http://x"")"',
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header line and one CRLF-ended line per row', () => {
    const rows = [
      { name: 'payments', score: 80 },
      { name: '=evil, "quoted"', score: null },
    ];
    expect(
      toCsv(
        [
          { title: 'Entity', value: row => row.name },
          { title: 'Score', value: row => row.score },
        ],
        rows,
      ),
    ).toBe('Entity,Score\r\npayments,80\r\n"\'=evil, ""quoted""",\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv([{ title: 'A', value: () => 1 }], [])).toBe('A\r\n');
  });
});
