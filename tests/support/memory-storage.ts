/** A Storage (localStorage, sessionStorage) in plain memory, for a test that must not share jsdom's. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  /** Writes of these keys fail as a full disk would. */
  readonly failing = new Set<string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failing.has(key)) throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    this.map.set(key, value);
  }
}
