import { navigate } from '../app/navigation.js';

/**
 * Renders the page for a share link the user may not open. It reads the same
 * for an unknown id, a deleted query and someone else's private one, as the
 * BFF's 404 does. The `page` variant is for other addresses, such as the audit
 * page for a user who is not an admin.
 */
export function QueryNotFound({ what }: { what: 'query' | 'page' }) {
  return (
    <main className="workspace not-found" data-testid={what === 'query' ? 'query-not-found' : 'page-not-found'}>
      <div className="empty-state">
        <h2 className="empty-title">{what === 'query' ? 'Query not found' : 'Page not found'}</h2>
        <p className="muted">
          {what === 'query'
            ? 'This link does not open a query. It may be mistyped, or its owner unshared or deleted the query: ask them for a new link.'
            : 'This address is not a page of the console, or your account may not open it.'}
        </p>
        <button type="button" className="primary" onClick={() => navigate('/')}>
          Go to the console
        </button>
      </div>
    </main>
  );
}
