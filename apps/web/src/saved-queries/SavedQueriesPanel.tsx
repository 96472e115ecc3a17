import type { SavedQuery } from '@console/shared-types';
import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { navigate } from '../app/navigation.js';
import { describeError } from '../errors/describe-error.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { copyShareLink } from '../share/copy-link.js';
import { sharePath } from '../share/share-link.js';
import { PanelSearch } from '../sidebar/PanelSearch.js';
import {
  deleteSavedQuery,
  duplicateSavedQuery,
  fetchSavedQuery,
  useSavedQueryList,
  useSavedQueryMutation,
} from './saved-queries-api.js';
import { useSavedQueryActions } from './saved-query-actions.js';
import { SavedQueryItem } from './SavedQueryItem.js';
import { SaveQueryDialog } from './SaveQueryDialog.js';
import { useDebouncedValue } from './use-debounced-value.js';

function failureText(action: string, error: unknown): string {
  if (error instanceof ApiError && error.status === 404) return `Could not ${action}: the query was deleted or unshared, so it is gone from the list.`;
  return `Could not ${action}: ${describeError(error).title}`;
}

/** Renders the Saved tab: the user's own and shared queries, searchable, with share links. */
export function SavedQueriesPanel() {
  const actions = useSavedQueryActions();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search);
  const list = useSavedQueryList(term);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<SavedQuery | null>(null);
  const [openingId, setOpeningId] = useState<string | null>(null);
  const duplicate = useSavedQueryMutation(duplicateSavedQuery);
  const remove = useSavedQueryMutation(deleteSavedQuery);
  const activeSavedId = actions.activeTab().savedId;

  // A failure often means the list is out of date, e.g. the owner deleted a query, so it is read again.
  const reportFailure = (action: string, error: unknown) => {
    setStatus(failureText(action, error));
    void list.refetch();
  };

  const open = async (query: SavedQuery) => {
    setOpeningId(query.id);
    setStatus(null);
    try {
      const detail = await fetchSavedQuery(query.id);
      actions.open(detail);
      navigate(sharePath(query.id));
    } catch (error) {
      reportFailure(`open “${query.title}”`, error);
    } finally {
      setOpeningId(null);
    }
  };

  const copyLink = async (query: SavedQuery) => {
    const outcome = await copyShareLink(query.id);
    const audience = query.visibility === 'shared' ? 'Anyone signed in can open it.' : 'Only you can open it until you share it.';
    setStatus(outcome.copied ? `Link copied: ${outcome.url}. ${audience}` : `Copy this link: ${outcome.url}. ${audience}`);
  };

  const onDuplicate = (query: SavedQuery) =>
    duplicate.mutate(query.id, {
      onSuccess: (copy) => setStatus(`Saved a private copy: “${copy.title}”.`),
      onError: (error) => reportFailure('duplicate it', error),
    });

  const onDelete = (query: SavedQuery) =>
    remove.mutate(query.id, {
      onSuccess: () => {
        actions.forget(query.id);
        // The address bar must not keep offering a link that no longer opens.
        if (window.location.pathname === sharePath(query.id)) navigate('/', { replace: true });
        setStatus(`Deleted “${query.title}”; its link no longer opens.`);
      },
      onError: (error) => reportFailure('delete it', error),
    });

  const queries = list.data?.queries ?? [];
  const activeQuery = queries.find((query) => query.id === activeSavedId);
  const savesChanges = activeQuery !== undefined && activeQuery.owner.id === actions.user.id;
  return (
    <div className="panel-stack" data-testid="saved-panel">
      <button type="button" className="primary" data-testid="save-query" onClick={actions.requestSave}>
        {savesChanges ? 'Save changes…' : 'Save current query…'}
      </button>
      <PanelSearch
        label="Search saved queries"
        placeholder="Search saved queries"
        testId="saved-search"
        value={search}
        onChange={setSearch}
      />
      {status !== null && (
        <p className="panel-status" role="status" data-testid="saved-status">
          {status}
        </p>
      )}
      {list.isError && <ErrorMessage error={list.error} testId="saved-error" />}
      {list.isPending && <p className="muted">Loading saved queries…</p>}
      {list.isSuccess && queries.length === 0 && (
        <p className="muted" data-testid="saved-empty">
          {term.trim() === ''
            ? 'No saved queries yet. Write a query, then press “Save current query” (or Ctrl+S) to keep it. Queries other people share appear here too.'
            : `No saved query matches “${term.trim()}”.`}
        </p>
      )}
      {queries.length > 0 && (
        <ul className="saved-list" aria-label="Saved queries">
          {queries.map((query) => (
            <SavedQueryItem
              key={query.id}
              query={query}
              ownedByMe={query.owner.id === actions.user.id}
              active={query.id === activeSavedId}
              busy={openingId === query.id}
              onOpen={() => void open(query)}
              onCopyLink={() => void copyLink(query)}
              onEdit={() => setEditing(query)}
              onDuplicate={() => onDuplicate(query)}
              onDelete={() => onDelete(query)}
            />
          ))}
        </ul>
      )}
      {editing !== null && (
        <SaveQueryDialog
          existing={editing}
          tab={null}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus(`Saved “${saved.title}” (${saved.visibility === 'shared' ? 'shared' : 'private'}).`);
          }}
        />
      )}
    </div>
  );
}
