// Loaded with `node --import`: points both `import 'electron'` and `require('electron')` at the stand-in.
import Module, { register } from 'node:module'

const here = new URL('.', import.meta.url)
register(new URL('hooks.mjs', here))
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? new URL('electron.cjs', here).pathname : resolveFilename.call(this, request, ...rest)
}
