// Synthetic identity numbers (NAV Dolly style: month + 40) for demo data and tests: valid by
// the checksum rules, recognisably not anyone's real number.
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function control(digits: number[], weights: number[]): number | null {
  const rest = weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11
  const k = rest === 0 ? 0 : 11 - rest
  return k === 10 ? null : k
}

/** A synthetic number for a birth date (YYYY-MM-DD); `seed` picks among the valid individual numbers. */
export function syntheticIdentityNumber(birthDate: string, seed = 0): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number]
  // The individual number carries the century (classic rule): 000-499 for 1900-1999, 500-999 for 2000-2039.
  const base = year >= 2000 ? 500 : 0
  for (let i = 0; i < 500; i++) {
    const individual = base + ((seed * 37 + i) % 500)
    const text = `${String(day).padStart(2, '0')}${String(month + 40).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`
    const digits = [...text].map(Number)
    const k1 = control(digits, K1)
    if (k1 === null) continue
    const k2 = control([...digits, k1], K2)
    if (k2 === null) continue
    return `${text}${k1}${k2}`
  }
  throw new Error(`no synthetic identity number for ${birthDate}`)
}
