import { useEffect, useRef } from 'react';

interface ShortcutsHelpProps {
  onClose: () => void;
}

const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+Enter (⌘+Enter)', 'Run the selection, or the statement under the cursor when nothing is selected'],
  ['Ctrl+Shift+Enter (⌘+Shift+Enter)', 'Run again without the cache (costs budget)'],
  ['Shift+Alt+F', 'Format the SQL (the selection, or all of it)'],
  ['Ctrl+Space', 'Show completions'],
  ['Tab', 'Accept the highlighted completion (Enter always starts a new line)'],
  ['Ctrl+/ (⌘+/)', 'Comment or uncomment the line'],
  ['Ctrl+F (⌘+F)', 'Find in the editor'],
  ['Ctrl+M', 'Let Tab move focus out of the editor instead of indenting'],
  ['Arrow keys, Page Up/Down, Home/End', 'Move in the results grid (Ctrl or ⌘ jumps to the edge)'],
  ['Shift+arrow keys or Shift+click', 'Select a block of cells'],
  ['Enter or click', 'Open the cell viewer with the full value'],
  ['Ctrl+C (⌘+C)', 'Copy the selected cells as tab-separated text'],
  ['Esc', 'Close the cell viewer or this panel'],
  ['F2 on a tab', 'Rename the tab'],
];

/** Shows a dialog listing the keyboard shortcuts. Esc or the button closes it. */
export function ShortcutsHelp({ onClose }: ShortcutsHelpProps) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return undefined;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="shortcuts-help"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
