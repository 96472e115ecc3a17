interface TruncatedNoticeProps {
  shownRows: number;
}

export function TruncatedNotice({ shownRows }: TruncatedNoticeProps) {
  return (
    <p className="truncated-notice" role="status" data-testid="truncated-notice">
      Only the first {shownRows} rows are shown: the query returned more, and the SQL API stops at 1000 rows. For
      larger extracts, use Delta Sharing.
    </p>
  );
}
