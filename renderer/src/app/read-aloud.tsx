import { createContext, type ReactNode, use, useEffect, useMemo, useRef, useState } from 'react';
import { browserSpeech, onVoicesReady, type Speech } from '../platform/speech.ts';

interface ReadAloud {
  /** Whether this device has a voice for the current language. */
  available: boolean;
  setText(text: string): void;
  readNow(): void;
}

const ReadAloudContext = createContext<ReadAloud | null>(null);

export function ReadAloudProvider({
  children,
  language,
  speech = browserSpeech(),
}: {
  children: ReactNode;
  language: string;
  speech?: Speech;
}) {
  const text = useRef('');
  // Voices arrive asynchronously; bumping this re-reads availability when they do.
  const [voices, setVoices] = useState(0);
  useEffect(() => onVoicesReady(() => setVoices((v) => v + 1)), [speech]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `voices` is the signal that the voice list changed
  const available = useMemo(() => speech.available(language), [speech, language, voices]);
  useEffect(() => () => speech.stop(), [speech]);

  const value = useMemo<ReadAloud>(
    () => ({
      available,
      setText: (t) => {
        text.current = t;
      },
      readNow: () => speech.speak(text.current, language),
    }),
    [available, speech, language],
  );
  return <ReadAloudContext value={value}>{children}</ReadAloudContext>;
}

export const useReadAloudControl = (): ReadAloud => {
  const value = use(ReadAloudContext);
  if (!value) throw new Error('useReadAloudControl outside ReadAloudProvider');
  return value;
};

/** A screen names its main text; the read-aloud button in the top bar speaks it. */
export const useScreenSpeech = (text: string): void => {
  const { setText } = useReadAloudControl();
  useEffect(() => setText(text), [setText, text]);
};
