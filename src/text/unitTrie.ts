/**
 * Keys as a trie over UTF-16 units (compared by unit, as `startsWith` does), compiled into typed
 * arrays: a walk costs one array read per unit from the root and one probe of an open-addressed
 * table below it, with small-integer arithmetic only. (A `Map` keyed by node × 2^16 + unit held
 * numbers past the small-integer range, each boxed and hashed as a double on every lookup.)
 * Nodes are numbered from 1 in the order keys first reach them; 0 is "no node".
 */
/** A compiled trie's arrays (UnitTrie.arrays), from which UnitTrie.fromArrays makes the same trie without its keys. */
export interface UnitTrieArrays {
  roots: Int32Array;
  keyNodes: Int32Array;
  keyUnits: Uint16Array;
  children: Int32Array;
  nodes: number;
  edges: number;
}

export class UnitTrie {
  /** The root's child by unit. */
  private roots: Int32Array = new Int32Array(0x10000);
  /** Open addressing below the root: parent node and unit → child node (0 = empty slot). */
  private keyNodes: Int32Array;
  private keyUnits: Uint16Array;
  private children: Int32Array;
  private mask: number;
  private shift: number;
  private nodes = 1;
  private edges = 0;

  constructor(expectedEdges = 1024) {
    let bits = 4;
    while (1 << bits < expectedEdges * 2) bits++;
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.keyNodes = new Int32Array(1 << bits);
    this.keyUnits = new Uint16Array(1 << bits);
    this.children = new Int32Array(1 << bits);
  }

  /** The trie as arrays (shared, not copied): what fromArrays reads back. */
  arrays(): UnitTrieArrays {
    const { roots, keyNodes, keyUnits, children, nodes, edges } = this;
    return { roots, keyNodes, keyUnits, children, nodes, edges };
  }

  /** The trie whose arrays these are (kept, not copied; the table's size is a power of two, as the constructor makes it). */
  static fromArrays(arrays: UnitTrieArrays): UnitTrie {
    const size = arrays.children.length;
    if (
      arrays.roots.length !== 0x10000 ||
      size < 16 ||
      (size & (size - 1)) !== 0 ||
      arrays.keyNodes.length !== size ||
      arrays.keyUnits.length !== size
    )
      throw new Error("UnitTrie.fromArrays: arrays of another shape than a UnitTrie's");
    const trie = new UnitTrie(1);
    trie.roots = arrays.roots;
    trie.keyNodes = arrays.keyNodes;
    trie.keyUnits = arrays.keyUnits;
    trie.children = arrays.children;
    trie.mask = size - 1;
    trie.shift = 32 - Math.log2(size);
    trie.nodes = arrays.nodes;
    trie.edges = arrays.edges;
    return trie;
  }

  /** How many nodes the trie has, plus one (node numbers are below this). */
  get size(): number {
    return this.nodes;
  }

  /** The node a key ends at, made if missing (keys of length 0 end nowhere: 0). */
  add(key: string): number {
    if (key.length === 0) return 0;
    let node = this.roots[key.charCodeAt(0)]!;
    if (node === 0) node = this.roots[key.charCodeAt(0)] = this.nodes++;
    for (let i = 1; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      const child = this.child(node, unit);
      node = child !== 0 ? child : this.insert(node, unit);
    }
    return node;
  }

  /** The root's child for a unit, or 0. */
  root(unit: number): number {
    return this.roots[unit]!;
  }

  /** A node's child for a unit, or 0. */
  child(node: number, unit: number): number {
    const { keyNodes, keyUnits, children, mask } = this;
    for (let slot = this.slotOf(node, unit); ; slot = (slot + 1) & mask) {
      const child = children[slot]!;
      if (child === 0) return 0;
      if (keyNodes[slot] === node && keyUnits[slot] === unit) return child;
    }
  }

  private slotOf(node: number, unit: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca6b)) >>> this.shift;
  }

  private insert(node: number, unit: number): number {
    if ((this.edges + 1) * 2 > this.mask + 1) this.grow();
    const child = this.nodes++;
    this.place(node, unit, child);
    this.edges++;
    return child;
  }

  private place(node: number, unit: number, child: number): void {
    let slot = this.slotOf(node, unit);
    while (this.children[slot] !== 0) slot = (slot + 1) & this.mask;
    this.keyNodes[slot] = node;
    this.keyUnits[slot] = unit;
    this.children[slot] = child;
  }

  private grow(): void {
    const { keyNodes, keyUnits, children } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.shift--;
    this.keyNodes = new Int32Array(size);
    this.keyUnits = new Uint16Array(size);
    this.children = new Int32Array(size);
    for (let slot = 0; slot < children.length; slot++)
      if (children[slot] !== 0) this.place(keyNodes[slot]!, keyUnits[slot]!, children[slot]!);
  }
}
