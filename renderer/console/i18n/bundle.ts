/** One language's translations: namespace → its JSON. */
export type LanguageBundle = Record<string, Record<string, unknown>>;

/** A bundle from a glob of `<namespace>.json` files, the file name naming the namespace. */
export const bundleOf = (...globs: Record<string, Record<string, unknown>>[]): LanguageBundle => {
  const bundle: LanguageBundle = {};
  for (const files of globs) {
    for (const [path, content] of Object.entries(files)) {
      const namespace = /([^/]+)\.json$/.exec(path)?.[1];
      if (namespace) bundle[namespace] = content;
    }
  }
  return bundle;
};
