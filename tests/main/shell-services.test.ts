import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  shell: {
    openExternal: vi.fn(async () => {}),
    showItemInFolder: vi.fn(),
    openPath: vi.fn(async () => ''),
    trashItem: vi.fn(async () => {}),
  },
  dialog: {
    showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  },
}))
vi.mock('electron', () => electron)

const { createShellServices } = await import('../../electron/main/shell-services')
const { SUPPORTED_EXTENSIONS } = await import('../../electron/core/formats/types')

beforeEach(() => vi.clearAllMocks())

describe('createShellServices', () => {
  const services = createShellServices(() => null)

  it('opens http and https URLs in the system browser', async () => {
    await services.openExternal('https://example.org/story')
    await services.openExternal('http://example.org/')
    expect(electron.shell.openExternal.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      'https://example.org/story',
      'http://example.org/',
    ])
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'ms-msdt:/id', 'not a url'])(
    'refuses to hand %j to the system',
    async (url) => {
      await expect(services.openExternal(url)).rejects.toThrow(/non-http/)
      expect(electron.shell.openExternal).not.toHaveBeenCalled()
    },
  )

  it('confirms a trash only when the user picks "Move to Trash"', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    expect(await services.confirmTrash('A story')).toBe(true)
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    expect(await services.confirmTrash('A story')).toBe(false)
    const options = (electron.dialog.showMessageBox.mock.calls[0] as unknown[])[0] as {
      buttons: string[]
      cancelId: number
      defaultId: number
    }
    expect(options.buttons[options.cancelId]).toBe('Cancel')
    expect(options.defaultId).toBe(options.cancelId)
  })

  it('answers null when a picker is cancelled and the paths when not', async () => {
    expect(await services.chooseFolder()).toBeNull()
    expect(await services.chooseImportPaths()).toBeNull()
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a.txt', '/b.md'] })
    expect(await services.chooseImportPaths()).toEqual(['/a.txt', '/b.md'])
  })

  it('offers every supported extension in the import dialog, .ndjson included', async () => {
    await services.chooseImportPaths()
    const options = (electron.dialog.showOpenDialog.mock.calls[0] as unknown[])[0] as {
      filters: { name: string; extensions: string[] }[]
    }
    const offered = options.filters[0]!.extensions.map((ext) => `.${ext}`)
    expect(offered.sort()).toEqual([...SUPPORTED_EXTENSIONS].sort())
    expect(offered).toContain('.ndjson')
  })

  it('moves files to the trash through the shell', async () => {
    await services.trashItem('/library/world/port.txt')
    expect(electron.shell.trashItem).toHaveBeenCalledWith('/library/world/port.txt')
  })
})
