import { createContext, type ReactNode, use, useEffect, useMemo, useRef, useState } from 'react';
import { browserSpeech, onVoicesReady, type Speech } from '../platform/speech.ts';

interface ReadAloud {
  /** Whether this device has a voice for the current language. */
  available: boolean;
  setText(text: string): void;
  readNow(): void;
  /** Says this at once, whatever the screen's text is (a queue number called to the desk). */
  announce(text: string): void;
}

type SetText = (text: string) => void;

const ReadAloudContext = createContext<ReadAloud | null>(null);
/** Only what a screen needs, and stable: a screen does not re-render when the voices arrive. */
const ScreenTextContext = createContext<SetText | null>(null);

export function ReadAloudProvider({
  children,
  language,
  speech: given,
}: {
  children: ReactNode;
  language: string;
  speech?: Speech;
}) {
  // One engine for the provider's whole life. A new one on every render would re-run the effects below on
  // every render: each re-run stops what is being read and re-arms the voices timer, which renders again.
  const [ownSpeech] = useState(browserSpeech);
  const speech = given ?? ownSpeech;
  const text = useRef('');
  const [setText] = useState<SetText>(() => (t: string) => {
    text.current = t;
  });
  // Voices arrive asynchronously; bumping this re-reads availability when they do.
  const [voices, setVoices] = useState(0);
  useEffect(() => onVoicesReady(() => setVoices((v) => v + 1)), [speech]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `voices` is the signal that the voice list changed
  const available = useMemo(() => speech.available(language), [speech, language, voices]);
  useEffect(() => () => speech.stop(), [speech]);

  const value = useMemo<ReadAloud>(
    () => ({ available, setText, readNow: () => speech.speak(text.current, language), announce: (said: string) => speech.speak(said, language) }),
    [available, setText, speech, language],
  );
  return (
    <ReadAloudContext value={value}>
      <ScreenTextContext value={setText}>{children}</ScreenTextContext>
    </ReadAloudContext>
  );
}

export const useReadAloudControl = (): ReadAloud => {
  const value = use(ReadAloudContext);
  if (!value) throw new Error('useReadAloudControl outside ReadAloudProvider');
  return value;
};

/** A screen names its main text; the read-aloud button in the top bar speaks it. */
export const useScreenSpeech = (text: string): void => {
  const setText = use(ScreenTextContext);
  if (!setText) throw new Error('useScreenSpeech outside ReadAloudProvider');
  useEffect(() => setText(text), [setText, text]);
};
