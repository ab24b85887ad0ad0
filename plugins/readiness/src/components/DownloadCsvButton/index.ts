export { DownloadCsvButton } from './DownloadCsvButton';
export type { DownloadCsvButtonProps } from './DownloadCsvButton';
