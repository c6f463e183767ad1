import { describe, expect, it } from 'vitest'
import {
  holds,
  indexRuns,
  indexText,
  pointOffset,
  rangeOffsets,
  unwrap,
  wrapRange,
} from '../../../renderer/lib/dom-text'

function html(markup: string): HTMLElement {
  const div = document.createElement('div')
  div.innerHTML = markup
  document.body.replaceChildren(div)
  return div
}

describe('indexText', () => {
  it('strings the drawn text together in order, leaving out image placeholders and styles', () => {
    const root = html(
      '<style>p{}</style><p>The <em>winter</em> ferry</p><span class="image-placeholder">Image not stored</span><p>sails</p>',
    )
    const index = indexText(root)
    expect(index.text).toBe('The winter ferrysails')
    expect(index.nodes.map((n) => n.start)).toEqual([0, 4, 10, 16])
  })
})

describe('pointOffset and rangeOffsets', () => {
  it('turns a selection that starts and ends between elements into offsets of the text', () => {
    const root = html('<p>The <em>winter</em> ferry</p><p>sails</p>')
    const { nodes } = indexText(root)
    const em = root.querySelector('em')!
    const p2 = root.querySelectorAll('p')[1]!
    expect(pointOffset(nodes, em, 0)).toBe(4)
    expect(pointOffset(nodes, p2, 0)).toBe(16)
    expect(pointOffset(nodes, root, root.childNodes.length)).toBe(21)
    const range = document.createRange()
    range.setStart(em.firstChild!, 2)
    range.setEnd(p2.firstChild!, 3)
    expect(rangeOffsets(nodes, range)).toEqual([6, 19])
    range.collapse(true)
    expect(rangeOffsets(nodes, range)).toBeNull()
  })
})

describe('indexRuns', () => {
  it('places text by the offset its run names, ignoring whitespace between runs', () => {
    const root = html(
      '<p><span data-start="10">Quay </span>\n<mark><span data-start="15">wall</span></mark></p><p><span data-start="30">Divers</span></p>',
    )
    const nodes = indexRuns(root)
    expect(nodes.map((n) => [n.node.data, n.start])).toEqual([
      ['Quay ', 10],
      ['wall', 15],
      ['Divers', 30],
    ])
    const range = document.createRange()
    range.setStart(root.querySelector('mark span')!.firstChild!, 1)
    range.setEnd(root.querySelectorAll('p')[1]!.querySelector('span')!.firstChild!, 3)
    expect(rangeOffsets(nodes, range)).toEqual([16, 33])
  })
})

describe('wrapRange and unwrap', () => {
  it('marks a passage across elements, one mark per text node, and takes the marks out again unchanged', () => {
    const root = html('<p>The <em>winter</em> ferry</p>\n<p>sails</p>')
    const before = root.innerHTML
    const index = indexText(root)
    const marks = wrapRange(index, [6, 20], () => document.createElement('mark'))
    // The line break between the paragraphs gets no mark of its own.
    expect(marks.map((m) => m.textContent)).toEqual(['nter', ' ferry', 'sai'])
    expect(root.querySelector('em')!.innerHTML).toBe('wi<mark>nter</mark>')
    unwrap(root, 'mark')
    expect(root.innerHTML).toBe(before)
    expect(root.querySelector('p')!.childNodes).toHaveLength(3)
  })
})

describe('holds', () => {
  it('sees a node inside a shadow root as inside its host', () => {
    const host = html('<div></div>').firstElementChild!
    const shadow = host.attachShadow({ mode: 'open' })
    shadow.innerHTML = '<p>inside</p>'
    expect(holds(document.body, shadow.querySelector('p'))).toBe(true)
    expect(holds(shadow, document.body)).toBe(false)
  })
})
