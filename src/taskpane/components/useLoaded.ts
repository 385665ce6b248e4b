import { useEffect, useState } from "react";

/**
 * The result of a promise started when `key` changes (lazy data: DETAIL tier, functions.json):
 * `value` once loaded, `error` as text if it failed, both null while loading. A result that
 * arrives after the component moved on is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, key: unknown): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null; key: unknown }>({ value: null, error: null, key });
  useEffect(() => {
    let live = true;
    setState({ value: null, error: null, key });
    load().then(
      (value) => live && setState({ value, error: null, key }),
      (failure: unknown) => live && setState({ value: null, error: failure instanceof Error ? failure.message : String(failure), key }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated on each render; `key` says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? { value: state.value, error: state.error } : { value: null, error: null };
}
