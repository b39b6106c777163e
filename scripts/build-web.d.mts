export function webFingerprint(): string
export function buildWeb(options?: { force?: boolean; quiet?: boolean }): Promise<{ built: boolean }>
