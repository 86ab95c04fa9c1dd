import { useLayoutEffect } from 'react';

/**
 * A new step replaces the whole screen, so it starts at the top as a new screen would; otherwise a receipt
 * opens scrolled to where the submit button was. The kiosk scrolls its #main element, not the window.
 */
export const useTopOnStep = (step: string): void => {
  useLayoutEffect(() => {
    const main = document.getElementById('main');
    if (main) main.scrollTop = 0;
  }, [step]);
};
