import type { SavedQuery, SavedQueryDetail, Visibility } from '@console/shared-types';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import type { ActiveTabInfo } from './saved-query-actions.js';
import { createSavedQuery, saveSnapshot, updateSavedQuery, useSavedQueryMutation } from './saved-queries-api.js';
import { useModalDialog } from './use-modal-dialog.js';

interface SaveQueryDialogProps {
  /** The saved query to change, or null to save a new one. */
  existing: SavedQuery | null;
  /** The tab whose SQL is saved; null edits only the title, description and visibility of `existing`. */
  tab: ActiveTabInfo | null;
  onClose: () => void;
  onSaved: (query: SavedQueryDetail) => void;
}

interface SaveInput {
  asNew: boolean;
  title: string;
  description: string;
  visibility: Visibility;
  includeResult: boolean;
}

/** Saves the tab's query, or edits a saved query's title, description and visibility. */
export function SaveQueryDialog({ existing, tab, onClose, onSaved }: SaveQueryDialogProps) {
  const dialogRef = useModalDialog();
  const [title, setTitle] = useState(existing?.title ?? tab?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(existing?.visibility ?? 'private');
  const [includeResult, setIncludeResult] = useState(false);
  const runId = tab?.runId ?? null;

  const save = useSavedQueryMutation(async (input: SaveInput): Promise<SavedQueryDetail> => {
    const fields = { title: input.title, description: input.description, visibility: input.visibility };
    let saved: SavedQueryDetail;
    if (existing !== null && !input.asNew) {
      saved = await updateSavedQuery(existing.id, tab === null ? fields : { ...fields, sql: tab.sql });
    } else {
      saved = await createSavedQuery({ ...fields, sql: tab?.sql ?? existing?.sql ?? '' });
    }
    if (input.includeResult && runId !== null) saved = await saveSnapshot(saved.id, runId);
    return saved;
  });

  const submit = (event: FormEvent, asNew: boolean) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return;
    save.mutate(
      { asNew, title: trimmed, description: description.trim(), visibility, includeResult },
      { onSuccess: onSaved },
    );
  };

  const heading = tab === null ? 'Edit saved query' : existing === null ? 'Save query' : 'Save changes';
  return (
    <dialog
      ref={dialogRef}
      className="modal save-dialog"
      aria-labelledby="save-dialog-title"
      data-testid="save-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => submit(event, false)}>
        <h2 id="save-dialog-title">{heading}</h2>
        <label className="field">
          Title
          <input
            data-testid="save-title"
            required
            maxLength={200}
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          Description <span className="muted">(optional)</span>
          <textarea
            data-testid="save-description"
            maxLength={5000}
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        <fieldset className="field visibility-choice">
          <legend>Who can open it</legend>
          <label>
            <input
              type="radio"
              name="visibility"
              value="private"
              data-testid="visibility-private"
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />
            Only me
          </label>
          <label>
            <input
              type="radio"
              name="visibility"
              value="shared"
              data-testid="visibility-shared"
              checked={visibility === 'shared'}
              onChange={() => setVisibility('shared')}
            />
            Every signed-in staff member, through its link
          </label>
        </fieldset>
        {tab !== null && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="save-include-result"
              disabled={runId === null}
              checked={includeResult && runId !== null}
              onChange={(event) => setIncludeResult(event.target.checked)}
            />
            Include the current result, so people with the link see it without running the query
            {runId === null && <span className="muted"> (run the query first)</span>}
          </label>
        )}
        {save.isError && <ErrorMessage error={save.error} testId="save-error" />}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {existing !== null && tab !== null && (
            <button type="button" data-testid="save-as-new" disabled={save.isPending} onClick={(event) => submit(event, true)}>
              Save as new
            </button>
          )}
          <button type="submit" className="primary" data-testid="save-submit" disabled={save.isPending || title.trim() === ''}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
