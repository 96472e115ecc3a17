import type { SavedQueryDetail } from '@console/shared-types';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchSavedQuery, SAVED_QUERIES_KEY } from './saved-queries-api.js';
import { useSavedQueryActions } from './saved-query-actions.js';
import { SaveQueryDialog } from './SaveQueryDialog.js';

interface SaveCurrentDialogProps {
  onClose: () => void;
  onSaved: (query: SavedQueryDetail) => void;
}

/**
 * Saves the active tab: as changes to the saved query it is linked to when
 * the user owns that query, otherwise as a new saved query.
 */
export function SaveCurrentDialog({ onClose, onSaved }: SaveCurrentDialogProps) {
  const actions = useSavedQueryActions();
  // Read once: typing in the editor while the dialog is open must not change what is saved.
  const [tab] = useState(() => actions.activeTab());
  const linked = useQuery({
    queryKey: [...SAVED_QUERIES_KEY, 'detail', tab.savedId],
    queryFn: ({ signal }) => (tab.savedId === null ? Promise.resolve(null) : fetchSavedQuery(tab.savedId, signal)),
    retry: false,
    staleTime: 0,
  });

  // A deleted, unshared or someone else's query is saved as a new one.
  if (linked.isPending) return null;
  const existing = linked.data !== undefined && linked.data !== null && linked.data.owner.id === actions.user.id ? linked.data : null;

  return (
    <SaveQueryDialog
      existing={existing}
      tab={tab}
      onClose={onClose}
      onSaved={(saved) => {
        actions.linkTab(tab.tabId, saved.id, saved.title);
        onSaved(saved);
      }}
    />
  );
}
