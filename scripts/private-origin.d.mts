/** See private-origin.mjs. */
export function renderRedirectsInThisProcess(options?: { log?: (message: string) => void }): Promise<string | null>;
