import type { MouseEvent } from 'react';
import { navigate } from '../app/navigation.js';

export const AUDIT_PATH = '/audit';

/** Renders the header link between the console and the audit page, shown to admins only. */
export function AuditLink({ onAuditPage }: { onAuditPage: boolean }) {
  const target = onAuditPage ? '/' : AUDIT_PATH;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // Plain clicks stay in the page; Ctrl/⌘-click and middle-click open a new tab as usual.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(target);
  };
  return (
    <a className="header-link" href={target} onClick={follow} data-testid={onAuditPage ? 'console-link' : 'audit-link'}>
      {onAuditPage ? 'Back to the console' : 'Audit log'}
    </a>
  );
}
