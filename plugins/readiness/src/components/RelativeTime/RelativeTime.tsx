import { formatRelativeTime } from './formatRelativeTime';

/** A time as "5 minutes ago", with the exact time in a tooltip and for machines. */
export function RelativeTime(props: { time: string }) {
  const { time } = props;
  const date = new Date(time);
  return (
    <time
      dateTime={time}
      title={Number.isNaN(date.getTime()) ? undefined : date.toLocaleString()}
    >
      {formatRelativeTime(time)}
    </time>
  );
}
