import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { DownloadCsvButton } from './DownloadCsvButton';

type Row = { entity: string; score: number | null };

const columns = [
  { title: 'Entity', value: (row: Row) => row.entity },
  { title: 'Score', value: (row: Row) => row.score },
];

// The test environment's Blob is Node's, which FileReader does not take;
// the bytes are decoded as given, keeping the byte order mark.
const readBlob = async (blob: Blob) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    await blob.arrayBuffer(),
  );

describe('DownloadCsvButton', () => {
  let blobs: Blob[];
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    blobs = [];
    clicked = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:csv-${blobs.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
  });

  afterEach(() => jest.restoreAllMocks());

  it('saves the rows given as a CSV file under the name given', async () => {
    await renderInReadinessTestApp(
      <DownloadCsvButton
        filename="leaderboard.csv"
        columns={columns}
        rows={[
          { entity: 'component:default/payments', score: 80 },
          { entity: '=cmd|calc', score: null },
        ]}
      />,
      { readinessApi: mockReadinessApi() },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('leaderboard.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:csv-1');
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    expect(await readBlob(blobs[0])).toBe(
      "\uFEFFEntity,Score\r\ncomponent:default/payments,80\r\n'=cmd|calc,\r\n",
    );
  });

  it('loads the rows when pressed, under the label given', async () => {
    const load = jest.fn(async () => [{ entity: 'a', score: 1 }]);
    await renderInReadinessTestApp(
      <DownloadCsvButton
        filename="owners.csv"
        columns={columns}
        rows={load}
        label="Download owners"
      />,
      { readinessApi: mockReadinessApi() },
    );
    expect(load).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Download owners' }),
    );

    expect(load).toHaveBeenCalledTimes(1);
    expect(await readBlob(blobs[0])).toBe('\uFEFFEntity,Score\r\na,1\r\n');
  });

  it('says why when the rows cannot be loaded, and saves nothing', async () => {
    await renderInReadinessTestApp(
      <DownloadCsvButton
        filename="owners.csv"
        columns={columns}
        rows={async () => {
          throw new Error('The server is down');
        }}
      />,
      { readinessApi: mockReadinessApi() },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not build the CSV file',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The server is down');
    expect(clicked).toHaveLength(0);
  });
});
