// Valid identity numbers for tests: a fødselsnummer built with the mod-11 control digits.
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function control(digits: number[], weights: number[]): number | null {
  const rest = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11)
  return rest === 11 ? 0 : rest === 10 ? null : rest
}

/** A valid fødselsnummer born on 1990-01-01 (individual number chosen so both controls exist). */
export function identityNumber(birth = '010190'): string {
  for (let individual = 100; individual < 500; individual++) {
    const digits = [...birth, ...String(individual)].map(Number)
    const k1 = control(digits, W1)
    if (k1 === null) continue
    const k2 = control([...digits, k1], W2)
    if (k2 === null) continue
    return [...digits, k1, k2].join('')
  }
  throw new Error('no valid number')
}
