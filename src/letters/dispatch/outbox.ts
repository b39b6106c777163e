// The embedded default's dispatch: no dispatch service is configured, so a letter is written to
// a local outbox folder (under the data folder), where someone prints or forwards it. Written
// under the letter's id, through a temporary file and a rename, so a repeat overwrites the
// same file instead of making a second one, and a crash never leaves half a letter.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface OutboxLetter {
  id: string
  caseId: string
  kind: string
  language: string
  checksum: string
  idempotencyKey: string
  recipient: { name: string; addressLines: string[]; postalCode: string; postalTown: string }
}

export class Outbox {
  constructor(readonly dir: string) {}

  /** Writes <id>.pdf and <id>.json (who it is for; never an identity number); returns the PDF's file name. */
  async write(letter: OutboxLetter, pdf: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const pdfName = `${letter.id}.pdf`
    await this.atomically(pdfName, pdf)
    await this.atomically(`${letter.id}.json`, `${JSON.stringify(letter, null, 2)}\n`)
    return pdfName
  }

  private async atomically(name: string, content: Uint8Array | string): Promise<void> {
    const temporary = join(this.dir, `.${name}.${process.pid}.tmp`)
    await writeFile(temporary, content)
    await rename(temporary, join(this.dir, name))
  }
}
