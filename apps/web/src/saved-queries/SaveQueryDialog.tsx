import type { SavedQuery, SavedQueryDetail, Visibility } from '@console/shared-types';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import type { ActiveTabInfo } from './saved-query-actions.js';
import { createSavedQuery, deleteSnapshot, saveSnapshot, updateSavedQuery, useSavedQueryMutation } from './saved-queries-api.js';
import { useModalDialog } from './use-modal-dialog.js';

interface SaveQueryDialogProps {
  /** The saved query to change, or null to save a new one. */
  existing: SavedQuery | null;
  /** The tab whose SQL is saved; null edits only the title, description and visibility of `existing`. */
  tab: ActiveTabInfo | null;
  onClose: () => void;
  onSaved: (query: SavedQueryDetail) => void;
}

const VISIBILITY_CHOICES: { value: Visibility; label: string }[] = [
  { value: 'private', label: 'Only me' },
  { value: 'shared', label: 'Every signed-in staff member, through its link' },
];

interface SaveInput {
  asNew: boolean;
  title: string;
  description: string;
  visibility: Visibility;
  includeResult: boolean;
  removeResult: boolean;
}

/** Saves the tab's query, or edits a saved query's title, description and visibility. */
export function SaveQueryDialog({ existing, tab, onClose, onSaved }: SaveQueryDialogProps) {
  const dialogRef = useModalDialog();
  const [title, setTitle] = useState(existing?.title ?? tab?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(existing?.visibility ?? 'private');
  const [includeResult, setIncludeResult] = useState(false);
  const [removeResult, setRemoveResult] = useState(false);
  const runId = tab?.runId ?? null;

  const save = useSavedQueryMutation(async (input: SaveInput): Promise<SavedQueryDetail> => {
    const fields = { title: input.title, description: input.description, visibility: input.visibility };
    let saved: SavedQueryDetail;
    if (existing !== null && !input.asNew) {
      saved = await updateSavedQuery(existing.id, tab === null ? fields : { ...fields, sql: tab.sql });
    } else {
      saved = await createSavedQuery({ ...fields, sql: tab?.sql ?? existing?.sql ?? '' });
    }
    if (input.includeResult && runId !== null) {
      saved = await saveSnapshot(saved.id, runId);
    } else if (input.removeResult && !input.asNew && existing?.hasSnapshot === true) {
      await deleteSnapshot(saved.id);
      saved = { ...saved, hasSnapshot: false, snapshot: null };
    }
    return saved;
  });

  const submit = (event: FormEvent, asNew: boolean) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return;
    save.mutate(
      { asNew, title: trimmed, description: description.trim(), visibility, includeResult, removeResult },
      { onSuccess: onSaved },
    );
  };

  let heading = 'Save changes';
  if (tab === null) heading = 'Edit saved query';
  else if (existing === null) heading = 'Save query';
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
          {VISIBILITY_CHOICES.map((choice) => (
            <label key={choice.value}>
              <input
                type="radio"
                name="visibility"
                value={choice.value}
                data-testid={`visibility-${choice.value}`}
                checked={visibility === choice.value}
                onChange={() => setVisibility(choice.value)}
              />
              {choice.label}
            </label>
          ))}
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
        {existing?.hasSnapshot === true && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="save-remove-result"
              disabled={includeResult}
              checked={removeResult && !includeResult}
              onChange={(event) => setRemoveResult(event.target.checked)}
            />
            Remove the saved result, so the link shows only the SQL
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
