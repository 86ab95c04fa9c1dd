/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Chromium grants it silently to an
 * installed app or one with site engagement; a refusal is reported, not fatal: the kiosk keeps working.
 */
export const requestPersistentStorage = async (storage: StorageManager | undefined = navigator.storage): Promise<boolean> => {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
};
