import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  articleId,
  collectionOf,
  numberedName,
  pathId,
  resolveInside,
  validCollection,
} from '../../../electron/core/library/paths'

describe('paths', () => {
  it('derives the same 16-hex id from the same relative path, another from another', () => {
    expect(pathId('news/a.txt')).toMatch(/^[0-9a-f]{16}$/)
    expect(pathId('news/a.txt')).toBe(pathId('news/a.txt'))
    expect(pathId('news/b.txt')).not.toBe(pathId('news/a.txt'))
  })

  it('gives records of multi-article files an index suffix, single files none', () => {
    expect(articleId('feed.jsonl', 3)).toBe(`${pathId('feed.jsonl')}-3`)
    expect(articleId('export.json', 0)).toBe(`${pathId('export.json')}-0`)
    expect(articleId('story.txt', 0)).toBe(pathId('story.txt'))
  })

  it('names the collection by the relative folder', () => {
    expect(collectionOf('a.txt')).toBe('')
    expect(collectionOf('world/europe/a.txt')).toBe('world/europe')
  })

  it('resolves only paths that stay inside the library and avoid hidden parts', () => {
    const root = path.resolve('/lib')
    expect(resolveInside(root, 'news/a.txt')).toBe(path.join(root, 'news', 'a.txt'))
    for (const bad of [
      '',
      '../x.txt',
      'news/../../x.txt',
      '/etc/passwd',
      '.broadsheet/state.json',
      'a\\..\\b',
      'a//b',
    ]) {
      expect(resolveInside(root, bad)).toBeUndefined()
    }
  })

  it('accepts collection names without ".." or hidden parts', () => {
    expect(validCollection('')).toBe(true)
    expect(validCollection('desk/politics')).toBe(true)
    expect(validCollection('../up')).toBe(false)
    expect(validCollection('.hidden')).toBe(false)
    expect(validCollection('/abs')).toBe(false)
  })

  it('numbers taken names before the extension', () => {
    expect(numberedName('story.txt', 1)).toBe('story.txt')
    expect(numberedName('story.txt', 2)).toBe('story (2).txt')
    expect(numberedName('archive.tar.json', 3)).toBe('archive.tar (3).json')
    expect(numberedName('README', 2)).toBe('README (2)')
  })
})
