// A stand-in for the 'electron' module, so the bundled main process can boot under plain Node in a test.
// Every API is a recording no-op; the few values the shell reads (paths, argv, the lock) are real.
const dir = process.env.BROADSHEET_STAND_IN_DIR
const calls = []
const rendererOnly = new Set(['then', 'ipcRenderer', 'contextBridge', 'webUtils'])
const values = {
  getPath: (name) => `${dir}/${name}`,
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-test',
  getName: () => 'Broadsheet',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  isPackaged: false,
  argv: ['electron', '.'],
}

function standIn(name) {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (rendererOnly.has(prop)) return undefined
      if (Object.hasOwn(values, prop)) return values[prop]
      if (prop === Symbol.toPrimitive) return () => name
      return standIn(`${name}.${String(prop)}`)
    },
    apply() {
      calls.push(name)
      return standIn(`${name}()`)
    },
    construct() {
      calls.push(`new ${name}`)
      return standIn(`new ${name}`)
    },
  })
}

module.exports = standIn('electron')
module.exports.__calls = calls
