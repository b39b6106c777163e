// The embedded default: PGlite (Postgres compiled to WASM) behind a loopback socket, so the
// same `postgres` client and the same SQL serve both it and a real server.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedServer {
  port: number
  stop(): Promise<void>
}

/** Starts PGlite on a free loopback port; `dataDir` undefined keeps it in memory (tests). */
export async function startEmbedded(dataDir: string | undefined): Promise<EmbeddedServer> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir)
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' })
  await server.start()
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address()
  return {
    port: address.port,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}
