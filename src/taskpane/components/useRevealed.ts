import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Parts already shown once in this session (by name): a part that remounts (back from a deal,
 * a tab switch) renders at once, so focus can return to a grid row in the same frame.
 */
const revealedParts = new Set<string>();

/** The nearest ancestor that scrolls vertically (the pane's body), or null for the page itself. */
export function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let element = node.parentElement; element; element = element.parentElement) {
    const overflow = getComputedStyle(element).overflowY;
    if (overflow === "auto" || overflow === "scroll" || overflow === "overlay") return element;
  }
  return null;
}

/** Runs `callback` once the browser is idle (or shortly, where requestIdleCallback is missing). */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(callback, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 200);
  return () => window.clearTimeout(handle);
}

/**
 * Whether a below-the-fold part (the Explore chart and list: large lazy chunks) should be
 * rendered yet. It is, from the moment the user heads for it:
 * - its box comes into the visible part of the pane (IntersectionObserver on the scrolling body),
 * - the pane's body is scrolled at all: loading starts at the first scroll, while the part is
 *   still below, so it is usually there when it comes into view,
 * - keyboard focus (or a click) lands anywhere in the pane's body: Tab from the insert buttons
 *   must find the chart and the list, and nothing below them would scroll the body first.
 * Without IntersectionObserver it renders after the first idle period instead. Never at start
 * otherwise: the first screen's JavaScript stays small (BENCHMARKS.md).
 *
 * Attach the returned ref to the part's box (a placeholder of the right height until then).
 */
export function useRevealed<T extends HTMLElement>(part: string): [(node: T | null) => void, boolean] {
  const [revealed, setRevealed] = useState(() => revealedParts.has(part));
  const [node, setNode] = useState<T | null>(null);
  const done = useRef(revealed);

  useEffect(() => {
    if (done.current || !node) return undefined;
    const cleanups: (() => void)[] = [];
    const reveal = () => {
      if (done.current) return;
      done.current = true;
      revealedParts.add(part);
      cleanups.forEach((cleanup) => cleanup());
      setRevealed(true);
    };
    if (typeof IntersectionObserver === "undefined") {
      cleanups.push(whenIdle(reveal));
      return () => cleanups.forEach((cleanup) => cleanup());
    }
    const scroller = scrollingAncestor(node);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) reveal();
    }, { root: scroller });
    observer.observe(node);
    cleanups.push(() => observer.disconnect());
    const scrollTarget: HTMLElement | Window = scroller ?? window;
    const focusTarget: HTMLElement | Document = scroller ?? document;
    scrollTarget.addEventListener("scroll", reveal, { passive: true });
    focusTarget.addEventListener("focusin", reveal);
    cleanups.push(() => {
      scrollTarget.removeEventListener("scroll", reveal);
      focusTarget.removeEventListener("focusin", reveal);
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [node, part]);

  const ref = useCallback((element: T | null) => setNode(element), []);
  return [ref, revealed];
}

/** Forget which parts were shown (tests start each pane fresh). */
export function resetRevealedParts(): void {
  revealedParts.clear();
}
