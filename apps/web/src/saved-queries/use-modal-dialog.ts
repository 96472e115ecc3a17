import { useEffect, useRef } from 'react';

/**
 * Opens a `<dialog>` as modal when mounted and closes it on unmount, giving
 * the focus back to the element that had it, as the WAI-ARIA dialog pattern recommends.
 */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return undefined;
    const opener = document.activeElement;
    // jsdom has no showModal; a plain open dialog behaves the same for tests.
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return dialogRef;
}
