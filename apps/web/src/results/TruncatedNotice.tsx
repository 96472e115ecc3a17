interface TruncatedNoticeProps {
  shownRows: number;
}

export function TruncatedNotice({ shownRows }: TruncatedNoticeProps) {
  return (
    <p className="truncated-notice" role="status" data-testid="truncated-notice">
      Only the first {shownRows} rows are shown, and only they go into the CSV file: the query returned more, and the
      SQL API stops at 1000 rows. Narrow the query, or for bulk extracts ask your data team for Delta Sharing, the data
      platform's service for sharing whole tables.
    </p>
  );
}
