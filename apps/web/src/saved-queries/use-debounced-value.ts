import { useEffect, useState } from 'react';

/** Returns `value` once it has stopped changing for `delayMs`, so typing in a search box sends one request, not one per key. */
export function useDebouncedValue<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
