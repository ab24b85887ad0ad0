import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex } from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessTranslationRef } from '../../translation';
import { CsvColumn, toCsv } from '../../utils/csv';
import { ErrorAlert } from '../ErrorAlert';

/** Props of {@link DownloadCsvButton}. */
export interface DownloadCsvButtonProps<T> {
  /** The name the file is saved under, e.g. `leaderboard.csv`. */
  filename: string;
  columns: CsvColumn<T>[];
  /** The rows, or a function that loads them when the button is pressed. */
  rows: T[] | (() => Promise<T[]>);
  /** The button's text; "Download CSV" by default. */
  label?: string;
}

/**
 * Saves a table as a CSV file built in the browser, so what is exported is
 * what the caller may see, with no extra request unless `rows` loads them.
 */
export function DownloadCsvButton<T>(props: DownloadCsvButtonProps<T>) {
  const { filename, columns, rows, label } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const [{ loading, error }, download] = useAsyncFn(async () => {
    const loaded = typeof rows === 'function' ? await rows() : rows;
    saveFile(filename, toCsv(columns, loaded));
  }, [filename, columns, rows]);

  return (
    <Flex direction="column" gap="2" align="end">
      <Button
        variant="secondary"
        size="small"
        isPending={loading}
        onPress={download}
      >
        {label ?? t('csv.download')}
      </Button>
      {error && <ErrorAlert title={t('csv.errorTitle')} error={error} />}
    </Flex>
  );
}

/**
 * Hands the text to the browser as a download. The byte order mark makes
 * spreadsheets read it as UTF-8. The URL is released a little later: some
 * browsers cancel a download whose URL is revoked as the click returns.
 */
function saveFile(filename: string, text: string) {
  const url = URL.createObjectURL(
    new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
