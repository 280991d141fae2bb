// When a finished command may end its process at once (src/cli/main.ts).

/**
 * Whether the process has nothing left to do once its command has finished: among `resources`
 * (process.getActiveResourcesInfo(): the type names of the handles, requests and timers keeping
 * the event loop alive) only the standard streams' handles, so no pending write, timer, file
 * request, child process or worker, and no 'beforeExit' listener (ink's live view has one).
 */
export function isIdle(resources: readonly string[], beforeExitListeners: number): boolean {
  return beforeExitListeners === 0 && resources.every((r) => r === 'PipeWrap' || r === 'TTYWrap');
}
