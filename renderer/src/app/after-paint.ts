/**
 * Settles just after the next frame has been painted: requestAnimationFrame runs right before a frame is
 * painted, and a message posted from it is handled right after. Work started from here (seeding the demo
 * catalogue, the shift keeper's record schemas) cannot hold back the screen that frame shows.
 */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });

/** Once the main thread has nothing more urgent, or after `timeoutMs` at most. */
export const whenIdle = (timeoutMs = 2000): Promise<void> =>
  new Promise((resolve) =>
    window.requestIdleCallback ? window.requestIdleCallback(() => resolve(), { timeout: timeoutMs }) : setTimeout(resolve, Math.min(500, timeoutMs)),
  );
