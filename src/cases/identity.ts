// Identity numbers are checked by the same code on the server and in the browser: the pure
// module lives in src/shared/identity.ts, and the domain imports it through here.
export * from '../shared/identity.js'
