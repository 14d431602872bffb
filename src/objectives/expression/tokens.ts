export interface Token {
  kind: 'number' | 'name' | 'punctuation';
  text: string;
  /** 0-based offset in the source. */
  index: number;
}

const NUMBER = /0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;

/**
 * mathjs nodes carry no positions, so columns come from a second, tiny scan of the source into
 * numbers, names and single punctuation characters (skipping blanks and # comments; the e in 1e-3
 * stays inside its number). The reader visits nodes in source order — infix operands left to
 * right, a function's name before its arguments — so each name or number it meets is the first
 * matching token after the previous one it met. A refused construct is reported at its first
 * matching token after that point. When nothing matches (not expected), the column is the next
 * unread token.
 */
export class Locator {
  private readonly tokens: Token[];
  private next = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  name(text: string): number {
    return this.find((t) => t.kind === 'name' && t.text === text);
  }

  number(): number {
    return this.find((t) => t.kind === 'number');
  }

  any(names: string[]): number {
    return this.find((t) => t.kind !== 'punctuation' && (t.kind === 'number' || names.includes(t.text)));
  }

  /** An operator or bracket, by its spelling: words (mod, and) are names, the rest punctuation. */
  symbol(spellings: string[]): number {
    return this.find((t) =>
      spellings.some((s) => (/^\w/.test(s) ? t.kind === 'name' && t.text === s : t.kind === 'punctuation' && this.source.startsWith(s, t.index))),
    );
  }

  /** Column of a punctuation character anywhere in the source, without moving. */
  punctuation(char: string): number | undefined {
    const t = this.tokens.find((t) => t.kind === 'punctuation' && t.text === char);
    return t && t.index + 1;
  }

  here(): number {
    return this.next < this.tokens.length ? this.tokens[this.next].index + 1 : this.source.length + 1;
  }

  private find(match: (t: Token) => boolean): number {
    for (let k = this.next; k < this.tokens.length; k++) {
      if (match(this.tokens[k])) {
        this.next = k + 1;
        return this.tokens[k].index + 1;
      }
    }
    return this.here();
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  scan: while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    // A line break separates formulas in mathjs, so it is a token (BlockNode points at it).
    if (c !== '\n' && /\s/.test(c)) {
      i++;
      continue;
    }
    for (const [kind, re] of [['number', NUMBER], ['name', NAME]] as const) {
      re.lastIndex = i;
      const m = re.exec(source);
      if (m) {
        tokens.push({ kind, text: m[0], index: i });
        i += m[0].length;
        continue scan;
      }
    }
    tokens.push({ kind: 'punctuation', text: c, index: i });
    i++;
  }
  return tokens;
}

