// What a caseworker reads when a field is wrong, in bokmål. A message names the field by its
// label and says what is expected; it never repeats the value (it may be an identity number).

const field = (label: string) => `«${label}»`

export const MESSAGES = {
  required: (label: string) => `${field(label)} må fylles ut.`,
  mustBeChecked: (label: string) => `${field(label)} må krysses av.`,
  pattern: (label: string) => `${field(label)} har feil format.`,
  minLength: (label: string, n: number) => `${field(label)} må ha minst ${n} tegn.`,
  maxLength: (label: string, n: number) => `${field(label)} kan ha høyst ${n} tegn.`,
  min: (label: string, n: number) => `${field(label)} må være minst ${n}.`,
  max: (label: string, n: number) => `${field(label)} kan være høyst ${n}.`,
  decimals: (label: string, n: number) => (n === 0 ? `${field(label)} må være et heltall.` : `${field(label)} kan ha høyst ${n} desimaler.`),
  email: (label: string) => `${field(label)} må være en gyldig e-postadresse.`,
  phone: (label: string) => `${field(label)} må være et telefonnummer med landkode, for eksempel +4712345678.`,
  option: (label: string) => `${field(label)} har et valg som ikke finnes i listen.`,
  text: (label: string) => `${field(label)} må være tekst.`,
  number: (label: string) => `${field(label)} må være et tall.`,
  boolean: (label: string) => `${field(label)} må være ja eller nei (avkrysning).`,
  list: (label: string) => `${field(label)} må være en liste.`,
  object: (label: string) => `${field(label)} må være en gruppe med felt.`,
  date: (label: string) => `${field(label)} må være en gyldig dato (ÅÅÅÅ-MM-DD).`,
  time: (label: string) => `${field(label)} må være et gyldig klokkeslett (TT:MM).`,
  datetime: (label: string) => `${field(label)} må være et gyldig tidspunkt (dato og klokkeslett).`,
  identityInText: (label: string) =>
    `${field(label)} ser ut til å inneholde et fødselsnummer. Skriv det ikke i fritekst: alt som fylles ut i en oppgave lagres i saksloggen for alltid, og fødselsnummeret står allerede på personen i saken.`,
  unknown: (key: string) => `Skjemaet har ikke feltet ${key}; det kan ikke sendes inn.`,
} as const
