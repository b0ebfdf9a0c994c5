// WPS's embedded Chromium may predate WeakRef (Chromium 84). Fluent's focus helpers (keyborg) only
// ever call new WeakRef(x).deref(); a strong reference answers the same, and what it keeps alive
// (a few elements of the pane) lives as long as the pane anyway. With it the floor is Chromium 73
// (String.prototype.matchAll, Object.fromEntries), which index.html probes.
const scope = globalThis as { WeakRef?: unknown };
if (typeof scope.WeakRef !== 'function') {
  class StrongRef<T extends object> {
    constructor(private readonly target: T) {}
    deref(): T {
      return this.target;
    }
  }
  scope.WeakRef = StrongRef;
}
export {};
