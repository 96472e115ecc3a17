import type { SavedQuery } from '@console/shared-types';
import { useState } from 'react';

interface SavedQueryItemProps {
  query: SavedQuery;
  ownedByMe: boolean;
  /** True when the active editor tab contains this query. */
  active: boolean;
  busy: boolean;
  onOpen: () => void;
  onCopyLink: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** Renders one saved query in the sidebar list, with its owner, visibility and actions. */
export function SavedQueryItem(props: SavedQueryItemProps) {
  const { query, ownedByMe } = props;
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  return (
    <li className={props.active ? 'saved-item active' : 'saved-item'} data-testid="saved-query-item" data-saved-id={query.id}>
      <button
        type="button"
        className="saved-open"
        data-testid="saved-query-open"
        title={query.description === '' ? query.sql : query.description}
        onClick={props.onOpen}
        disabled={props.busy}
      >
        <span className="saved-title">{query.title}</span>
        <span className="saved-meta">
          <span data-testid="saved-query-owner">{ownedByMe ? 'by you' : `by ${query.owner.username}`}</span>
          <span className={`badge ${query.visibility}`} data-testid="saved-query-visibility">
            {query.visibility === 'shared' ? 'Shared' : 'Private'}
          </span>
          {query.hasSnapshot && <span className="badge">with result</span>}
        </span>
      </button>
      {confirmingDelete ? (
        <div className="saved-actions" role="group" aria-label={`Delete ${query.title}?`}>
          <span>{query.visibility === 'shared' ? 'Delete for everyone?' : 'Delete this query?'}</span>
          <button type="button" className="danger" data-testid="saved-query-delete-confirm" onClick={props.onDelete}>
            Delete
          </button>
          {/* The Delete button just left the page, so the focus moves to the safe choice. */}
          <button type="button" autoFocus onClick={() => setConfirmingDelete(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="saved-actions" role="group" aria-label={`Actions for ${query.title}`}>
          <button type="button" data-testid="saved-query-copy-link" onClick={props.onCopyLink}>
            Copy link
          </button>
          {ownedByMe && (
            <button type="button" data-testid="saved-query-edit" onClick={props.onEdit}>
              Edit
            </button>
          )}
          <button type="button" data-testid="saved-query-duplicate" onClick={props.onDuplicate} disabled={props.busy}>
            Duplicate
          </button>
          {ownedByMe && (
            <button type="button" data-testid="saved-query-delete" onClick={() => setConfirmingDelete(true)}>
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}
