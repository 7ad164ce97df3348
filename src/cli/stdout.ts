/**
 * Results go to stdout, everything else to stderr. A reader that goes away early
 * (`| head`) ends the run quietly with status 0.
 */
let closed = false;

export function watchStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      closed = true;
      process.exit(0);
    }
    throw error;
  });
}

export function writeStdout(text: string): Promise<void> {
  if (closed || text.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

export function useColor(option: boolean): boolean {
  return option && process.env.NO_COLOR === undefined && process.stdout.isTTY === true;
}
